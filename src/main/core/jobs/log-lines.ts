/** Forwards a child's output to our log line by line, each line prefixed with the child's name. */
export function pipeLines(stream: NodeJS.ReadableStream | null, prefix: string, write: (line: string) => void): void {
  if (!stream) return;
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) write(`${prefix} ${line}`);
  });
  stream.on('end', () => {
    if (buffered.length > 0) write(`${prefix} ${buffered}`);
    buffered = '';
  });
}
