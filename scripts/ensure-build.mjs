#!/usr/bin/env node
// Builds the app (electron-vite build) only when out/ is missing or older than the sources,
// so `npm run serve` and `npm run mer` start in a second when nothing changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outputs = ['out/main/server.js', 'out/main/cli.js', 'out/main/worker.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
const inputs = ['src', 'electron.vite.config.ts', 'package.json'].map((f) => path.join(root, f));

function newest(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((max, name) => Math.max(max, newest(path.join(file, name))), 0);
}

const builtAt = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
if (builtAt < Math.max(...inputs.map(newest))) {
  console.error('Building the app…');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.error('The build failed (see above).');
    process.exit(1);
  }
}
