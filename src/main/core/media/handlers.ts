import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../dispatch';
import { MediaError, probeVideo } from './ffmpeg';
import { ImageFolderError, scanImageFolder } from './image-folder';
import type { ToolSettings } from './locate-tools';
import { requireTools } from './tools';

/** Media problems are the user's input, not our failure: report them as such. */
function asInputError(error: unknown): never {
  if (error instanceof MediaError || error instanceof ImageFolderError) throw new ApiError('VALIDATION', error.message, [{ path: 'path', message: error.message }]);
  throw error;
}

export function mediaHandlers(tools: ToolSettings) {
  return {
    'media.probe': ({ path: file }) =>
      probeVideo(file, requireTools(tools)).then(({ pixels: _pixels, ...probe }) => probe, asInputError),
    'media.scanImages': ({ path: dir }) => {
      try {
        const { files: _files, ...scan } = scanImageFolder(dir);
        return scan;
      } catch (error) {
        return asInputError(error);
      }
    },
    'files.list': ({ dir }) => {
      const folder = path.resolve(dir ?? os.homedir());
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        throw new ApiError('NOT_FOUND', `${folder} does not exist or cannot be read`);
      }
      const entries = names.flatMap((name) => {
        try {
          const stat = statSync(path.join(folder, name));
          return [{ name, kind: stat.isDirectory() ? ('dir' as const) : ('file' as const), sizeBytes: stat.isDirectory() ? 0 : stat.size }];
        } catch {
          return []; // a dangling link or a file without permission: not offered
        }
      });
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'en', { numeric: true }) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(folder);
      return { dir: folder, parent: parent === folder ? null : parent, entries };
    },
  } satisfies Partial<Handlers>;
}
