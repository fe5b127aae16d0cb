import { ApiError } from '../../../shared/api/errors';
import { locateTool, type ToolSettings } from './locate-tools';

export interface Tools {
  ffmpeg: string;
  ffprobe: string;
}

/** Both binaries, or an UNAVAILABLE error that says where we looked. */
export function requireTools(settings: ToolSettings = {}): Tools {
  const ffmpeg = locateTool('ffmpeg', settings);
  const ffprobe = locateTool('ffprobe', settings);
  if (!ffmpeg.path) throw new ApiError('UNAVAILABLE', ffmpeg.detail);
  if (!ffprobe.path) throw new ApiError('UNAVAILABLE', ffprobe.detail);
  return { ffmpeg: ffmpeg.path, ffprobe: ffprobe.path };
}
