import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 of a file's content, streamed; reports bytes read. */
export function hashFile(file: string, signal: AbortSignal, onBytes: (bytes: number) => void = () => undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const stream = createReadStream(file, { signal, highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(bytes);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}
