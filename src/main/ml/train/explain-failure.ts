/**
 * tfjs reports a wasm heap that cannot grow (the wasm backend has at most 4 GB) as a bare
 * RangeError ("offset is out of bounds", "Array buffer allocation failed"); a run that fails so
 * says what ran out and what to change instead.
 */
export function explainFailure(error: unknown, backend: string | null): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const outOfMemory = original instanceof RangeError || /out of memory|allocation failed|offset is out of bounds|cannot enlarge memory/i.test(original.message);
  if (!outOfMemory) return original;
  const limit = backend === 'wasm' ? 'the wasm backend holds at most 4 GB' : 'the machine could not give the memory it asked for';
  return new Error(
    `Out of memory (${limit}): lower the batch size, the clip length T or the input sizes (the lite preset), or train on a machine with tfjs-node or a GPU. (${original.message})`,
  );
}
