import { readdirSync, readFileSync } from 'node:fs';

/** Parent of every process now running, from /proc (Linux). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it exited while we looked
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  return children;
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
