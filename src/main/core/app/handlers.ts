import type { AppInfo } from '../../../shared/api/app';
import type { Handlers } from '../dispatch';
import { describeTool, type ToolSettings } from '../media/locate-tools';
import { probeTfBackends } from './tf-backends';
import { appName, appVersion } from './version';

export interface AppInfoSource {
  dataDir: string;
  host: AppInfo['host'];
  schemaVersion: () => number;
  tools: ToolSettings;
}

export function appHandlers(source: AppInfoSource) {
  return {
    'app.info': async () => {
      const [tfBackends, ffmpeg, ffprobe] = await Promise.all([
        probeTfBackends(),
        describeTool('ffmpeg', source.tools),
        describeTool('ffprobe', source.tools),
      ]);
      return {
        name: appName,
        version: appVersion,
        dataDir: source.dataDir,
        schemaVersion: source.schemaVersion(),
        host: source.host,
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
        tfBackends,
        ffmpeg,
        ffprobe,
      };
    },
  } satisfies Partial<Handlers>;
}
