import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Header, Pack, ReadEntry, Parser, extract } from 'tar';

/**
 * The tar side of archives, on node-tar: writing a gzipped archive from in-memory entries and
 * files, peeking at its first entry, and extracting it with a filter, each cancellable.
 */

export interface PackInput {
  /** Entries made in memory (the manifest, the tables), written first in this order. */
  generated: { path: string; data: Buffer }[];
  /** Files below `cwd`, by their path there (which is also their path in the archive). */
  files: { path: string; bytes: number }[];
  cwd: string;
  out: string;
  gzipLevel: number;
  signal: AbortSignal;
  /** Bytes of `files` handed to the archive so far. */
  onBytes: (done: number) => void;
}

function memoryEntry(path: string, data: Buffer): ReadEntry {
  const entry = new ReadEntry(new Header({ path, mode: 0o644, size: data.length, type: 'File', mtime: new Date() }));
  entry.end(data);
  return entry;
}

export async function writeArchive(input: PackInput): Promise<void> {
  let done = 0;
  const pack = new Pack({
    cwd: input.cwd,
    gzip: { level: input.gzipLevel },
    portable: true,
    strict: true,
    onWriteEntry: (entry) => {
      done += entry.stat?.size ?? 0;
      input.onBytes(done);
    },
  });
  for (const { path, data } of input.generated) pack.add(memoryEntry(path, data));
  for (const { path } of input.files) pack.add(path);
  pack.end();
  await pipeline(pack, createWriteStream(input.out, { flags: 'wx' }), { signal: input.signal });
}

/** Counts the bytes read from an archive, for progress. */
function counter(onBytes: (n: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      n += chunk.length;
      onBytes(n);
      callback(null, chunk);
    },
  });
}

/**
 * The contents of the archive's first entry if it is `name`, else null; reads only as far as
 * that entry. A file that is no gzip or tar at all is an error.
 */
export async function readFirstEntry(file: string, name: string, maxBytes: number): Promise<Buffer | null> {
  const source: ReadStream = createReadStream(file);
  return new Promise<Buffer | null>((resolve, reject) => {
    let settled = false;
    const finish = (value: Buffer | null, error?: Error) => {
      if (settled) return;
      settled = true;
      source.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        if (entry.path !== name || entry.size > maxBytes) return finish(null);
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => finish(Buffer.concat(chunks)));
      },
    });
    parser.on('error', (error: Error) => finish(null, error));
    parser.on('end', () => finish(null));
    source.on('error', (error) => finish(null, error));
    source.pipe(parser);
  });
}

export interface ExtractInput {
  file: string;
  into: string;
  signal: AbortSignal;
  /** Called with each entry's path and type; returning a message refuses the archive. */
  refuse: (path: string, type: string) => string | null;
  onBytes: (read: number) => void;
}

export async function extractArchive(input: ExtractInput): Promise<void> {
  let refusal: string | null = null;
  const unpack = extract({
    cwd: input.into,
    strict: true,
    preserveOwner: false,
    filter: (path, entry) => {
      refusal ??= input.refuse(path, 'type' in entry ? String(entry.type) : 'File');
      if (refusal !== null) unpack.abort(new Error(refusal));
      return refusal === null;
    },
  });
  try {
    await pipeline(createReadStream(input.file), counter(input.onBytes), unpack, { signal: input.signal });
  } catch (error) {
    if (refusal !== null) throw new Error(refusal, { cause: error });
    throw error;
  }
}
