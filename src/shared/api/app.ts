import { z } from 'zod';

export const TfBackendName = z.enum(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']);
export type TfBackendName = z.infer<typeof TfBackendName>;

export const TfBackendInfo = z.object({
  name: TfBackendName,
  available: z.boolean(),
  /** The package that provides it, and why it cannot load when it cannot. */
  detail: z.string(),
});

export const ToolInfo = z.object({
  found: z.boolean(),
  path: z.string().nullable(),
  version: z.string().nullable(),
  /** Where the path came from (setting, FFMPEG_PATH, PATH, ...) or why nothing was found. */
  detail: z.string(),
});
export type ToolInfo = z.infer<typeof ToolInfo>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  host: z.enum(['electron', 'server', 'memory']),
  node: z.string(),
  platform: z.string(),
  tfBackends: z.array(TfBackendInfo),
  ffmpeg: ToolInfo,
  ffprobe: ToolInfo,
});
export type AppInfo = z.infer<typeof AppInfo>;
