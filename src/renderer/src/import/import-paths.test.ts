import { describe, expect, it } from 'vitest';
import { baseName, isImageFile, isVideoFile, joinPath, parseCameraSettings, stemOf } from './import-paths';

describe('import paths', () => {
  it('recognises videos and images by extension, in any case', () => {
    expect(isVideoFile('EP02_01f.MP4')).toBe(true);
    expect(isVideoFile('notes.txt')).toBe(false);
    expect(isImageFile('img046.JPG')).toBe(true);
    expect(isImageFile('.png')).toBe(false);
  });

  it('joins backend paths with the backend’s separator', () => {
    expect(joinPath('/data/sub01', 'a.mp4')).toBe('/data/sub01/a.mp4');
    expect(joinPath('/', 'data')).toBe('/data');
    expect(joinPath('D:\\lab\\sub01', 'a.mp4')).toBe('D:\\lab\\sub01\\a.mp4');
  });

  it('takes stems and base names', () => {
    expect(stemOf('/x/anger1.mp4')).toBe('anger1');
    expect(stemOf('C:\\x\\happy.2.avi')).toBe('happy.2');
    expect(baseName('/x/y/')).toBe('y');
  });

  it('reads camera settings as key: value lines', () => {
    expect(parseCameraSettings('fps: 200\nresolution = 640x480\n\nPoint Grey GRAS-03K2C')).toEqual({
      fps: '200',
      resolution: '640x480',
      notes: 'Point Grey GRAS-03K2C',
    });
  });
});
