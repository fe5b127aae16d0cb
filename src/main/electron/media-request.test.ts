import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaRequest } from './media-request';

let base: string;
let media: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'mer-media-'));
  media = path.join(base, 'media');
  mkdirSync(path.join(media, 'frames', 'rec 1'), { recursive: true });
  writeFileSync(path.join(media, 'frames', 'rec 1', '000001.png'), 'png');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  symlinkSync(path.join(base, 'secret.txt'), path.join(media, 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveMediaRequest', () => {
  it('serves a file below the media folder', () => {
    expect(resolveMediaRequest('mer-media://media/frames/rec%201/000001.png', 'GET', media)).toEqual({
      status: 200,
      file: path.join(media, 'frames', 'rec 1', '000001.png'),
    });
    expect(resolveMediaRequest('mer-media://media/frames/rec%201/000001.png', 'HEAD', media).status).toBe(200);
  });

  it('answers 404 for a missing file or a folder', () => {
    expect(resolveMediaRequest('mer-media://media/frames/rec%201/999999.png', 'GET', media).status).toBe(404);
    expect(resolveMediaRequest('mer-media://media/frames', 'GET', media).status).toBe(404);
  });

  it('refuses (403) paths that leave the media folder, other hosts and bad URLs', () => {
    for (const url of [
      'mer-media://media/%2e%2e%252fsecret.txt',
      'mer-media://media/..%2fsecret.txt',
      'mer-media://media/frames%5c..%5c..%5csecret.txt',
      'mer-media://media/link.txt',
      'mer-media://media/',
      'mer-media://other/frames/rec%201/000001.png',
      'not a url',
    ]) {
      expect(resolveMediaRequest(url, 'GET', media).status, url).toBe(403);
    }
  });

  it('serves only GET and HEAD', () => {
    expect(resolveMediaRequest('mer-media://media/frames/rec%201/000001.png', 'POST', media).status).toBe(405);
  });
});
