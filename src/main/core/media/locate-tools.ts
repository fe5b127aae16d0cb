import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ToolInfo } from '../../../shared/api/app';

export interface ToolSettings {
  /** From the app's settings; wins over everything else. */
  ffmpegPath?: string | undefined;
  ffprobePath?: string | undefined;
}

type Tool = 'ffmpeg' | 'ffprobe';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, exe))) return path.join(dir, exe);
  }
  return null;
}

/** An npm package that ships the binary, if one is installed (none is required). */
function fromNpm(tool: Tool): string | null {
  const pkg = tool === 'ffmpeg' ? 'ffmpeg-static' : 'ffprobe-static';
  try {
    const mod = createRequire(__filename)(pkg) as string | { path?: string };
    const file = typeof mod === 'string' ? mod : mod.path;
    return file && isExecutable(file) ? file : null;
  } catch {
    return null;
  }
}

/** Finds a tool in this order: the setting, FFMPEG_PATH/FFPROBE_PATH, the PATH, an npm-shipped binary. */
export function locateTool(tool: Tool, settings: ToolSettings = {}, env: NodeJS.ProcessEnv = process.env): { path: string | null; detail: string } {
  const setting = tool === 'ffmpeg' ? settings.ffmpegPath : settings.ffprobePath;
  if (setting) return isExecutable(setting) ? { path: setting, detail: 'from the settings' } : { path: null, detail: `the path in the settings (${setting}) is not an executable file` };
  const envName = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  const fromEnv = env[envName];
  if (fromEnv) return isExecutable(fromEnv) ? { path: fromEnv, detail: `from ${envName}` } : { path: null, detail: `${envName} (${fromEnv}) is not an executable file` };
  const found = onPath(tool, env);
  if (found) return { path: found, detail: 'from the PATH' };
  const shipped = fromNpm(tool);
  if (shipped) return { path: shipped, detail: 'from an npm package' };
  return { path: null, detail: `${tool} was not found in the settings, ${envName}, the PATH or an npm package; install it (e.g. apt-get install ffmpeg)` };
}

function versionOf(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(file, ['-version'], { timeout: 10_000 }, (error, stdout) => {
      if (error) return resolve(null);
      const match = /version\s+(\S+)/.exec(stdout);
      resolve(match?.[1] ?? null);
    });
  });
}

export async function describeTool(tool: Tool, settings: ToolSettings = {}): Promise<ToolInfo> {
  const { path: file, detail } = locateTool(tool, settings);
  if (!file) return { found: false, path: null, version: null, detail };
  const version = await versionOf(file);
  if (!version) return { found: false, path: file, version: null, detail: `${file} (${detail}) did not run: it printed no version` };
  return { found: true, path: file, version, detail };
}
