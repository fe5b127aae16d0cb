import { expect, test } from 'vitest';
import { explainFailure } from './explain-failure';

test('a RangeError from a wasm heap that cannot grow becomes an out-of-memory message saying what to change', () => {
  const explained = explainFailure(new RangeError('offset is out of bounds'), 'wasm');
  expect(explained.message).toBe(
    'Out of memory (the wasm backend holds at most 4 GB): lower the batch size, the clip length T or the input sizes (the lite preset), or train on a machine with tfjs-node or a GPU. (offset is out of bounds)',
  );
  expect(explainFailure(new Error('Array buffer allocation failed'), 'cpu').message).toMatch(/^Out of memory \(the machine could not give/);
});

test('any other failure keeps its own message', () => {
  const error = new Error('There is no training run 9');
  expect(explainFailure(error, 'wasm')).toBe(error);
});
