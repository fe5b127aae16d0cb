import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/**
 * One checkpoint = one file: a little-endian u32 header length, a JSON header (the caller's state
 * plus each tensor's name, shape and byte offset), then the float32 data. It is written to a
 * temporary name, flushed, and renamed over the previous one, so a crash leaves either the old
 * checkpoint or the new one, never a mix.
 */
const magic = 'MERCKPT1';

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

export async function writeCheckpoint(file: string, state: unknown, tensors: Readonly<Record<string, tf.Tensor>>): Promise<void> {
  const entries: TensorEntry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    const data = (await tensor.data()) as Float32Array;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    entries.push({ name, shape: tensor.shape, offset, length: data.length });
    chunks.push(bytes);
    offset += bytes.byteLength;
  }
  const header = Buffer.from(JSON.stringify({ magic, state, tensors: entries }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength, 0);
  const temporary = `${file}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    for (const chunk of [length, header, ...chunks]) writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  // Make the rename itself durable.
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export interface LoadedCheckpoint<S> {
  state: S;
  tensors: Record<string, tf.Tensor>;
}

/** Reads a checkpoint; the caller disposes the tensors. A damaged file is an error naming it. */
export function readCheckpoint<S>(file: string): LoadedCheckpoint<S> {
  const buffer = readFileSync(file);
  const damaged = (why: string) => new Error(`The checkpoint ${file} is damaged (${why}); the run cannot resume from it`);
  if (buffer.byteLength < 4) throw damaged('too short');
  const headerLength = buffer.readUInt32LE(0);
  if (4 + headerLength > buffer.byteLength) throw damaged('header past the end');
  let header: { magic?: string; state: S; tensors: TensorEntry[] };
  try {
    header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as typeof header;
  } catch {
    throw damaged('unreadable header');
  }
  if (header.magic !== magic) throw damaged('not a MER Workstation checkpoint');
  const base = 4 + headerLength;
  const tensors: Record<string, tf.Tensor> = {};
  for (const entry of header.tensors) {
    const start = base + entry.offset;
    if (start + entry.length * 4 > buffer.byteLength) throw damaged(`tensor ${entry.name} is cut short`);
    // Copy: the file buffer's offset need not be 4-byte aligned.
    const values = new Float32Array(buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + start + entry.length * 4));
    tensors[entry.name] = tf.tensor(values, entry.shape, 'float32');
  }
  return { state: header.state, tensors };
}
