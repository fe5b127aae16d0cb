import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { defaultDataDir } from '../../src/main/core/data-dir';
import { createTestBackend, tempDir } from '../helpers/backend';

const open: ReturnType<typeof createTestBackend>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

test('a data directory in use by a live process is refused with a clear message', () => {
  const dataDir = tempDir();
  open.push(createTestBackend({ dataDir }));
  writeFileSync(path.join(dataDir, 'workstation.lock'), String(process.ppid));
  expect(() => createTestBackend({ dataDir })).toThrow(new RegExp(`data directory .* is in use by another MER Workstation process \\(pid ${process.ppid}\\)`));
});

test('a lock left by a dead process is taken over', async () => {
  const dataDir = tempDir();
  writeFileSync(path.join(dataDir, 'workstation.lock'), '999999999');
  const backend = createTestBackend({ dataDir });
  open.push(backend);
  expect(await backend.dispatch('projects.list', {})).toEqual([]);
});

test('a lock left by a process that has died but is not yet collected by its parent (a zombie) is taken over', async () => {
  // The shell starts a child that exits soon after the shell has become `sleep`, which never collects it.
  const shell = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const zombie = Number((await once(shell.stdout, 'data'))[0]);
  try {
    const state = () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0];
    for (let i = 0; i < 200 && state() !== 'Z'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(state()).toBe('Z');
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'workstation.lock'), String(zombie));
    const backend = createTestBackend({ dataDir });
    open.push(backend);
    expect(await backend.dispatch('projects.list', {})).toEqual([]);
  } finally {
    shell.kill();
  }
});

test('the default data directory follows each platform, like Electron userData', () => {
  expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/MER Workstation');
  expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/MER Workstation');
  expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/MER Workstation');
  expect(defaultDataDir({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32', 'C:/Users/ana')).toBe(path.join('C:/Users/ana/AppData/Roaming', 'MER Workstation'));
});
