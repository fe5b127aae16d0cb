/**
 * JPEG stores full-range YUV, while camera video is almost always limited ("tv") range. ffmpeg
 * converts with swscale, which for a 1024x1024 frame costs about as much as decoding it. The same
 * conversion as a per-value lookup table (lutyuv) costs almost nothing. The table reproduces
 * swscale's own fixed-point arithmetic (libswscale's lumRangeToJpeg / chrRangeToJpeg on 15-bit
 * samples, then rounding to 8 bits), so the stored frames are byte-identical to what swscale
 * writes; a test checks that against the ffmpeg found, for every sample value.
 */

/** What the probe says of the source's pixels. */
export interface SourcePixels {
  /** ffprobe's pix_fmt, e.g. yuv420p. */
  format: string;
  /** ffprobe's color_range: tv, pc, or unknown (which ffmpeg treats as tv). */
  range: string;
}

/** Planar 8-bit YUV layouts the JPEG encoder takes as they are once they are full range. */
const JPEG_LAYOUTS = new Set(['yuv420p', 'yuv422p', 'yuv444p']);

const luma = 'clip(floor((floor((min(val*128,30189)*19077-39057361)/16384)+64)/128),0,255)';
const chroma = 'clip(floor((floor((min(val*128,30775)*4663-9289992)/4096)+64)/128),0,255)';

/** The lookup-table filter that expands limited-range YUV to full range, tagged as full range. */
export const limitedToFullRange = `lutyuv=y='${luma}':u='${chroma}':v='${chroma}',setparams=range=pc`;

/**
 * The filter to put before the JPEG encoder: the lookup table where it applies, else null (and
 * ffmpeg converts as it always did — other layouts, high bit depths, or already full range).
 */
export function jpegRangeFilter(pixels: SourcePixels | undefined): string | null {
  if (!pixels || !JPEG_LAYOUTS.has(pixels.format) || pixels.range === 'pc') return null;
  return limitedToFullRange;
}
