import { describe, expect, it } from 'vitest';
import { createMediaUrls } from './media-urls';

describe('createMediaUrls', () => {
  const recording = { mediaPath: 'recordings/7', frameFormat: 'png' as const };

  it('names frames by their camera number and previews as JPEG', () => {
    const urls = createMediaUrls('http://127.0.0.1:4780/media');
    expect(urls.frameUrl(recording, 46)).toBe('http://127.0.0.1:4780/media/recordings/7/frames/46.png');
    expect(urls.previewUrl(recording, 46)).toBe('http://127.0.0.1:4780/media/recordings/7/previews/46.jpg');
  });

  it('works under the Electron protocol and escapes odd path segments', () => {
    const urls = createMediaUrls('mer-media://media/');
    expect(urls.frameUrl({ mediaPath: '/a b/#1/', frameFormat: 'jpg' }, 0)).toBe('mer-media://media/a%20b/%231/frames/0.jpg');
  });
});
