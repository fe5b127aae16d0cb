import { readdirSync, readFileSync } from 'node:fs';

/** State and parent of a process from /proc (Linux), or null once it has exited. */
function statOf(pid: number | string): { state: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return null;
  }
}

/** The children of every process now running. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const stat = /^\d+$/.test(name) ? statOf(name) : null;
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(name)]);
  }
  return children;
}

/** Every process below `root` now. */
export function descendants(root: number): number[] {
  const tree = parents();
  const found: number[] = [];
  const pending = [...(tree.get(root) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    found.push(pid);
    pending.push(...(tree.get(pid) ?? []));
  }
  return found;
}

/** Waits until none of `pids` runs (a zombie has finished); returns those still running at the deadline. */
export async function waitForExit(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const running = () => pids.filter((pid) => {
    const stat = statOf(pid);
    return stat !== null && stat.state !== 'Z';
  });
  const deadline = Date.now() + timeoutMs;
  while (running().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return running();
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/**
 * SIGKILLs a process and all its descendants (the server, its job workers, their ffmpeg) at one
 * moment, as a power cut would: each is stopped first, so none can fork or write after the
 * others have died.
 */
export function killTree(root: number): number[] {
  const stopped = new Set<number>();
  for (let pass = 0; pass < 10; pass++) {
    const tree = parents();
    const pending = [root];
    let added = 0;
    while (pending.length > 0) {
      const pid = pending.pop()!;
      if (!stopped.has(pid)) {
        signal(pid, 'SIGSTOP');
        stopped.add(pid);
        added++;
      }
      pending.push(...(tree.get(pid) ?? []));
    }
    if (added === 0) break;
  }
  for (const pid of stopped) signal(pid, 'SIGKILL');
  return [...stopped];
}
