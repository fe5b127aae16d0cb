#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/, leaving
// node_modules built for Node (the server, the tests and the CLI need that one). The Electron
// main process points better-sqlite3 at this copy through MER_SQLITE_BINDING.
// Needs the Electron binary and its headers (downloaded once from electronjs.org).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = require('electron/package.json').version;
const target = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const npmExec = process.env.npm_execpath;
const nodeGyp = npmExec ? path.join(path.dirname(npmExec), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;
if (!nodeGyp || !existsSync(nodeGyp)) {
  console.error('prepare-electron: run this through npm (npm start) so that npm\'s node-gyp can be found.');
  process.exit(1);
}

const work = path.join(root, '.electron-native', 'build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
rmSync(path.join(work, 'build'), { recursive: true, force: true });

console.log(`prepare-electron: building better-sqlite3 for Electron ${electronVersion} (once)…`);
// npm's user config may pin nodedir to the Node headers; Electron needs its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)));
execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
  cwd: work,
  env,
  stdio: 'inherit',
});
mkdirSync(path.dirname(target), { recursive: true });
cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`prepare-electron: ${path.relative(root, target)} is ready.`);
