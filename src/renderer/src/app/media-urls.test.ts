import { describe, expect, it } from 'vitest';
import { createMediaUrls } from './media-urls';

describe('createMediaUrls', () => {
  const recording = { mediaPath: 'recordings/7', frameFormat: 'png' as const, firstFrame: 46, previewsPerSheet: 10 };

  it('names frames by their camera number', () => {
    const urls = createMediaUrls('http://127.0.0.1:4780/media');
    expect(urls.frameUrl(recording, 46)).toBe('http://127.0.0.1:4780/media/recordings/7/frames/46.png');
  });

  it('places a preview in its sheet, counting from the first frame', () => {
    const urls = createMediaUrls('http://127.0.0.1:4780/media');
    expect(urls.previewTile(recording, 46)).toEqual({ url: 'http://127.0.0.1:4780/media/recordings/7/previews/sheet-0.jpg', index: 0, count: 10 });
    expect(urls.previewTile(recording, 55)).toEqual({ url: 'http://127.0.0.1:4780/media/recordings/7/previews/sheet-0.jpg', index: 9, count: 10 });
    expect(urls.previewTile(recording, 56)).toEqual({ url: 'http://127.0.0.1:4780/media/recordings/7/previews/sheet-1.jpg', index: 0, count: 10 });
  });

  it('finds the one-file-per-frame previews of recordings imported before sheets', () => {
    const urls = createMediaUrls('http://127.0.0.1:4780/media');
    expect(urls.previewTile({ ...recording, previewsPerSheet: null }, 52)).toEqual({ url: 'http://127.0.0.1:4780/media/recordings/7/previews/52.jpg', index: 0, count: 1 });
  });

  it('works under the Electron protocol and escapes odd path segments', () => {
    const urls = createMediaUrls('mer-media://media/');
    expect(urls.frameUrl({ mediaPath: '/a b/#1/', frameFormat: 'jpg' }, 0)).toBe('mer-media://media/a%20b/%231/frames/0.jpg');
  });
});
