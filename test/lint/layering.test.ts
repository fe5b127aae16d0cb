/**
 * Proves the layering of STYLE.md is enforced: each forbidden import, written the ways people
 * write it (package, relative path at any depth, re-export, dynamic import), is reported, and
 * the imports the table allows are not.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const layeringRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layering messages ESLint reports for `code` as if it were the file at `file`. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId !== null && layeringRules.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

/** [file, code, a fragment the report must contain (proves the right rule fired)] */
type Forbidden = [file: string, code: string, reason: string];

const electron = 'must not import electron';
const dir = (d: string) => `must not import from ${d}`;
const ipc = 'only in src/main/electron/ipc-host.ts';

const forbidden: Record<string, Forbidden[]> = {
  'main/core never imports electron': [
    ['src/main/core/backend.ts', "import { app } from 'electron';", electron],
    ['src/main/core/jobs/supervisor.ts', "import type { WebContents } from 'electron';", electron],
    ['src/main/core/db/connection.ts', "export { app } from 'electron';", electron],
    ['src/main/core/media/x.ts', "import { ipcMain } from 'electron/main';", electron],
    ['src/main/core/jobs/x.ts', "export async function f() { return import('electron'); }", electron],
    ['src/main/ml/model.ts', "import { app } from 'electron';", electron],
  ],
  'main/core never imports main/electron, main/server, preload or renderer (relative paths, any depth)': [
    ['src/main/core/backend.ts', "import { createMainWindow } from '../electron/window';", dir('src/main/electron')],
    ['src/main/core/jobs/supervisor.ts', "import { createMainWindow } from '../../electron/window';", dir('src/main/electron')],
    ['src/main/core/jobs/worker/main.ts', "import { createMainWindow } from '../../../electron/window';", dir('src/main/electron')],
    ['src/main/core/jobs/worker/kinds/backup.ts', "import { x } from '../../../../electron';", dir('src/main/electron')],
    ['src/main/core/backend.ts', "import { startServer } from '../server/http-server';", dir('src/main/server')],
    ['src/main/core/db/connection.ts', "import { y } from '../../server/args';", dir('src/main/server')],
    ['src/main/core/backend.ts', "import '../../preload/index';", dir('src/preload')],
    ['src/main/core/backend.ts', "import { App } from '../../renderer/src/app/App';", dir('src/renderer')],
    ['src/main/core/backend.ts', "import { x } from './../electron/window';", dir('src/main/electron')],
    ['src/main/core/backend.ts', "import { x } from '../../../src/main/electron/window';", dir('src/main/electron')],
    ['src/main/core/backend.ts', "import { x } from '../Electron/window';", dir('src/main/electron')],
    ['src/main/ml/stages/runner.ts', "import { x } from '../../electron/window';", dir('src/main/electron')],
  ],
  'specifiers that hide their target are refused': [
    ['src/main/core/backend.ts', "import { x } from './jobs/../../electron/window';", 'normalized'],
    ['src/main/core/backend.ts', "import { x } from '..//electron/window';", '"//"'],
    ['src/main/core/backend.ts', "import { x } from '../../../../outside';", 'leaves the repository'],
    ['src/shared/api/x.ts', "import { x } from '/work/main/src/main/core/backend';", 'No absolute import paths'],
  ],
  'main/server never imports electron, main/electron, preload or renderer': [
    ['src/main/server/http-server.ts', "import { BrowserWindow } from 'electron';", electron],
    ['src/main/server/main.ts', "import { createMainWindow } from '../electron/window';", dir('src/main/electron')],
    ['src/main/server/main.ts', "import '../../preload/index';", dir('src/preload')],
    ['src/main/server/main.ts', "import { App } from '../../renderer/src/app/App';", dir('src/renderer')],
    ['src/main/server/x.ts', "export async function f() { return import('electron/main'); }", electron],
  ],
  'main/electron never imports main/server, preload or renderer': [
    ['src/main/electron/main.ts', "import { startServer } from '../server/http-server';", dir('src/main/server')],
    ['src/main/electron/main.ts', "import '../../preload/index';", dir('src/preload')],
    ['src/main/electron/window.ts', "import { App } from '../../renderer/src/app/App';", dir('src/renderer')],
  ],
  'ipcMain and ipcRenderer only in the two bridge files': [
    ['src/main/electron/window.ts', "import { ipcMain } from 'electron';", ipc],
    ['src/main/electron/main.ts', "import { app, ipcMain } from 'electron';", ipc],
    ['src/main/electron/main.ts', "import * as electron from 'electron';", ipc],
    ['src/main/electron/main.ts', "import { ipcMain } from 'electron/main';", ipc],
    ['src/main/electron/ipc-host.ts', "import { ipcRenderer } from 'electron';", ipc],
    ['src/main/core/host/connection.ts', "import { ipcMain } from 'electron';", electron],
    ['src/preload/other.ts', "import { ipcRenderer } from 'electron';", "only 'contextBridge' is allowed"],
    ['src/preload/index.ts', "import { ipcMain } from 'electron';", "only 'contextBridge' and 'ipcRenderer' are allowed"],
    ['test/helpers/fake.ts', "import { ipcMain } from 'electron';", ipc],
    ['electron.vite.config.ts', "import { ipcRenderer } from 'electron';", ipc],
  ],
  'shared imports no Node, no Electron, nothing from main, preload or renderer': [
    ['src/shared/api/contract.ts', "import fs from 'node:fs';", 'Node built-ins'],
    ['src/shared/api/contract.ts', "import path from 'path';", 'Node built-ins'],
    ['src/shared/protocol/envelope.ts', "import { readFile } from 'fs/promises';", 'Node built-ins'],
    ['src/shared/client/http-transport.ts', "import { spawn } from 'child_process';", 'Node built-ins'],
    ['src/shared/api/contract.ts', "import { app } from 'electron';", electron],
    ['src/shared/api/contract.ts', "import { createBackend } from '../../main/core/backend';", dir('src/main')],
    ['src/shared/client/api-client.ts', "import '../../preload/index';", dir('src/preload')],
    ['src/shared/client/api-client.ts', "import { App } from '../../renderer/src/app/App';", dir('src/renderer')],
    ['src/shared/x.ts', "import { createBackend } from '../main/core/backend';", dir('src/main')],
  ],
  'preload imports only electron (contextBridge, ipcRenderer) and shared api/protocol': [
    ['src/preload/index.ts', "import { z } from 'zod';", 'may import only electron and src/shared'],
    ['src/preload/index.ts', "import { readFileSync } from 'node:fs';", 'may import only electron and src/shared'],
    ['src/preload/index.ts', "import { ipcRenderer } from 'electron/renderer';", 'may import only electron and src/shared'],
    ['src/preload/index.ts', "import { shell } from 'electron';", "only 'contextBridge' and 'ipcRenderer' are allowed"],
    ['src/preload/index.ts', "import { createBackend } from '../main/core/backend';", dir('src/main')],
    ['src/preload/index.ts', "import { App } from '../renderer/src/app/App';", dir('src/renderer')],
    ['src/preload/index.ts', "import { createApiClient } from '../shared/client/api-client';", 'only src/shared/api and src/shared/protocol'],
    ['src/preload/index.ts', "import type { ApiClient } from '../shared/client';", 'only src/shared/api and src/shared/protocol'],
    ['src/preload/index.ts', "import { CallMessage } from '../shared/protocol/envelope';", 'values only from src/shared/protocol/transport'],
    ['src/preload/index.ts', "import { ipcChannels } from '../shared/protocol';", 'values only from src/shared/protocol/transport'],
    ['src/preload/index.ts', "import { methods } from '../shared/api/contract';", 'only types from src/shared/api'],
    ['src/preload/other.ts', "import { describe } from 'vitest';", 'may import only electron and src/shared'],
    ['src/preload/index.test.ts', "import { z } from 'zod';", 'Tests of src/preload may import only vitest'],
    ['src/preload/index.test.ts', "import { createBackend } from '../main/core/backend';", dir('src/main')],
  ],
  'renderer never imports main or electron, and preload only as types': [
    ['src/renderer/src/main.tsx', "import { createBackend } from '../../main/core/backend';", dir('src/main')],
    ['src/renderer/src/app/App.tsx', "import { createBackend } from '../../../main/core/backend';", dir('src/main')],
    ['src/renderer/src/app/App.tsx', "import { ipcRenderer } from 'electron';", electron],
    ['src/renderer/src/app/App.tsx', "export async function f() { return import('electron'); }", electron],
    ['src/renderer/src/app/transport.ts', "import '../../../preload/index';", 'only types from src/preload'],
    ['src/renderer/src/app/transport.ts', "import { bridge } from '../../../preload';", 'only types from src/preload'],
    ['src/renderer/src/app/transport.ts', "import fs from 'node:fs';", 'Node built-ins'],
  ],
};

const allowed: Record<string, [file: string, code: string][]> = {
  'main/core': [
    ['src/main/core/jobs/supervisor.ts', "import { ApiError } from '../../../shared/api/errors';\nimport { createThrottle } from './throttle';\nimport type { Db } from '../db/connection';"],
    ['src/main/core/backend.ts', "import { z } from 'zod';\nimport path from 'node:path';\nimport { fork } from 'child_process';"],
    ['src/main/core/app/version.ts', "import pkg from '../../../../package.json';"],
  ],
  'main/electron': [
    ['src/main/electron/main.ts', "import { app, BrowserWindow, session } from 'electron';\nimport { createBackend } from '../core/backend';\nimport { ipcChannels } from '../../shared/protocol/transport';\nimport { createMainWindow } from './window';"],
    ['src/main/electron/ipc-host.ts', "import { ipcMain, type IpcMainInvokeEvent } from 'electron';"],
  ],
  'main/server': [['src/main/server/main.ts', "import { createBackend } from '../core/backend';\nimport http from 'node:http';\nimport { WebSocketServer } from 'ws';"]],
  shared: [['src/shared/client/api-client.ts', "import { z } from 'zod';\nimport { methods } from '../api/contract';\nimport type { Transport } from '../protocol/transport';"]],
  preload: [
    [
      'src/preload/index.ts',
      "import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';\nimport { ipcChannels, type Transport } from '../shared/protocol/transport';\nimport type { CallMessage } from '../shared/protocol/envelope';\nimport type { MethodName } from '../shared/api/contract';",
    ],
    ['src/preload/index.d.ts', "import type { Transport } from '../shared/protocol/transport';"],
    ['src/preload/index.test.ts', "import { EventEmitter } from 'node:events';\nimport { describe } from 'vitest';\nimport { ipcChannels } from '../shared/protocol/transport';"],
  ],
  renderer: [
    [
      'src/renderer/src/app/transport.ts',
      "import { createHttpTransport } from '../../../shared/client/http-transport';\nimport type { Transport } from '../../../shared/protocol/transport';\nimport type {} from '../../../preload';\nimport { useState } from 'react';\nimport { App } from './App';",
    ],
  ],
};

describe('layering: forbidden imports are reported', () => {
  for (const [rule, cases] of Object.entries(forbidden)) {
    it.each(cases)(`${rule}: %s  %s`, async (file, code, reason) => {
      const errors = await layeringErrors(file, code);
      expect(errors.some((e) => e.includes(reason)), `expected a report containing ${JSON.stringify(reason)}, got ${JSON.stringify(errors)}`).toBe(true);
    });
  }
});

describe('layering: allowed imports pass', () => {
  for (const [layer, cases] of Object.entries(allowed)) {
    it.each(cases)(`${layer}: %s`, async (file, code) => {
      expect(await layeringErrors(file, code)).toEqual([]);
    });
  }
});

describe('layering: the messages say what to do', () => {
  it('names the layer and points at the table', async () => {
    const [message] = await layeringErrors('src/main/core/backend.ts', "import { createMainWindow } from '../electron/window';");
    expect(message).toContain('src/main/electron');
    expect(message).toContain('STYLE.md');
  });
});

describe('layering: the code base itself', () => {
  it('has no layering errors in src/', async () => {
    const results = await eslint.lintFiles(['src']);
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId !== null && layeringRules.has(m.ruleId)).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(errors).toEqual([]);
  });
});
