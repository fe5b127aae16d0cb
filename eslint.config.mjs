// @ts-check
/**
 * Lint for every runtime of the workstation, and the layering of STYLE.md enforced with
 * `no-restricted-imports`:
 *
 * | from \ may import | shared | main/core | main/electron | main/server | preload | renderer | electron |
 * | shared            |   ✓    |     ✗     |       ✗       |      ✗      |    ✗    |    ✗     |    ✗     |
 * | main/core         |   ✓    |     ✓     |       ✗       |      ✗      |    ✗    |    ✗     |    ✗     |
 * | main/electron     |   ✓    |     ✓     |       ✓       |      ✗      |    ✗    |    ✗     |    ✓     |
 * | main/server       |   ✓    |     ✓     |       ✗       |      ✓      |    ✗    |    ✗     |    ✗     |
 * | preload           | api, protocol (values: protocol/transport only) | ✗ | ✗ | ✗ | ✓ | ✗ | contextBridge, ipcRenderer |
 * | renderer          |   ✓    |     ✗     |       ✗       |      ✗      |  types  |    ✓     |    ✗     |
 *
 * `ipcMain` is imported only by src/main/electron/ipc-host.ts, `ipcRenderer` only by
 * src/preload/index.ts. shared (and renderer) import no Node built-ins.
 *
 * Cross-layer imports are relative paths, and a regex sees the specifier, not the file it
 * resolves to. So the rules are generated per folder depth: a file N folders below its layer
 * that goes up N+1 levels is in the layer's parent, and so on; each forbidden folder gets the
 * exact `../` count that reaches it. Specifiers that are not normalized (`a/../b`, `a//b`) are
 * refused everywhere under src/, so they cannot smuggle a path past the patterns.
 * test/lint/layering.test.ts proves every rule fires.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const EXT = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
/** Folder depth below a layer covered by exact rules; deeper files may not use `../` at all. */
const MAX_DEPTH = 10;

/** @param {string} s */
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const see = 'See the layering table in STYLE.md and eslint.config.mjs.';

/**
 * @typedef {{ dir: string; except?: string[]; allowTypeImports?: boolean; message: string }} DirBan
 *   A folder (repository-relative) a layer may not import from, except the listed subfolders.
 * @typedef {{
 *   regex: string; message: string; allowTypeImports?: boolean;
 *   importNames?: string[]; allowImportNames?: string[];
 * }} ModuleBan
 *   A package specifier pattern (optionally only some of its exports).
 * @typedef {{ dir: string; dirs: DirBan[]; modules: ModuleBan[]; testModules?: ModuleBan[]; dynamicElectron?: boolean }} Layer
 *   `testModules` replace `modules` for `*.test.ts` files (they are not bundled).
 */

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))].filter((m) => !m.startsWith('_'));

/** @type {(who: string) => ModuleBan} */
const noElectron = (who) => ({
  regex: '^electron(?:/.*)?$',
  message: `${who} must not import electron: it runs outside Electron too. ${see}`,
});
/** @type {(who: string) => ModuleBan} */
const noNodeBuiltins = (who) => ({
  regex: `^(?:node:.+|(?:${nodeBuiltins.map(esc).join('|')})(?:/.*)?)$`,
  message: `${who} must not import Node built-ins: it also runs in the browser. ${see}`,
});
/** @type {(banned: string[]) => ModuleBan} */
const noIpc = (banned) => ({
  regex: '^electron(?:/main|/renderer|/common)?$',
  importNames: banned,
  message: `${banned.join('/')} only in src/main/electron/ipc-host.ts (ipcMain) and src/preload/index.ts (ipcRenderer): everything else goes through the host connection or window.mer. ${see}`,
});
/** @type {(dir: string, who: string) => DirBan} */
const noDir = (dir, who) => ({ dir, message: `${who} must not import from ${dir}. ${see}` });

const mainCoreLike = [
  noDir('src/main/electron', 'Backend code (src/main/core, src/main/ml)'),
  noDir('src/main/server', 'Backend code (src/main/core, src/main/ml)'),
  noDir('src/preload', 'Backend code (src/main/core, src/main/ml)'),
  noDir('src/renderer', 'Backend code (src/main/core, src/main/ml)'),
];

/** @type {ModuleBan} */
const preloadBare = {
  regex: '^(?![./])(?!electron$).+',
  message: `src/preload bundles into a sandboxed script: it may import only electron and src/shared/{api,protocol}. ${see}`,
};
/** @type {(allowed: string[]) => ModuleBan} */
const preloadElectron = (allowed) => ({
  regex: '^electron$',
  allowImportNames: allowed,
  allowTypeImports: true,
  message: `src/preload may use only ${allowed.join(' and ')} from electron (ipcRenderer only in src/preload/index.ts). ${see}`,
});
/** @type {(allowed: string[]) => ModuleBan[]} */
const preloadModules = (allowed) => [preloadBare, preloadElectron(allowed)];

/** Layers, from the widest to the most specific: a later layer's rules replace an earlier one's. */
/** @type {Record<string, Layer>} */
const layers = {
  main: { dir: 'src/main', dirs: mainCoreLike, modules: [noElectron('src/main (outside main/electron)')], dynamicElectron: true },
  core: { dir: 'src/main/core', dirs: mainCoreLike, modules: [noElectron('src/main/core')], dynamicElectron: true },
  ml: { dir: 'src/main/ml', dirs: mainCoreLike, modules: [noElectron('src/main/ml')], dynamicElectron: true },
  electron: {
    dir: 'src/main/electron',
    dirs: ['src/main/server', 'src/preload', 'src/renderer'].map((d) => noDir(d, 'src/main/electron')),
    modules: [noIpc(['ipcMain', 'ipcRenderer'])],
  },
  server: {
    dir: 'src/main/server',
    dirs: ['src/main/electron', 'src/preload', 'src/renderer'].map((d) => noDir(d, 'src/main/server')),
    modules: [noElectron('src/main/server')],
    dynamicElectron: true,
  },
  shared: {
    dir: 'src/shared',
    dirs: ['src/main', 'src/preload', 'src/renderer'].map((d) => noDir(d, 'src/shared')),
    modules: [noElectron('src/shared'), noNodeBuiltins('src/shared')],
    dynamicElectron: true,
  },
  preload: {
    dir: 'src/preload',
    dirs: [
      noDir('src/main', 'src/preload'),
      noDir('src/renderer', 'src/preload'),
      { dir: 'src/shared', except: ['api', 'protocol'], message: `src/preload may import only src/shared/api and src/shared/protocol. ${see}` },
      {
        dir: 'src/shared/api',
        allowTypeImports: true,
        message: `src/preload may import only types from src/shared/api: its values pull zod into the sandboxed bundle. ${see}`,
      },
      {
        dir: 'src/shared/protocol',
        except: ['transport'],
        allowTypeImports: true,
        message: `src/preload may import values only from src/shared/protocol/transport: the envelope pulls zod into the sandboxed bundle. ${see}`,
      },
    ],
    modules: preloadModules(['contextBridge']),
    // Unit tests beside the preload run in vitest, never in the sandbox.
    testModules: [
      {
        regex: '^(?![./])(?!electron$|vitest$|node:).+',
        message: `Tests of src/preload may import only vitest, node:* and what the preload itself may import. ${see}`,
      },
      preloadElectron(['contextBridge']),
    ],
  },
  renderer: {
    dir: 'src/renderer',
    dirs: [
      noDir('src/main', 'src/renderer'),
      {
        dir: 'src/preload',
        allowTypeImports: true,
        message: `src/renderer may import only types from src/preload (index.d.ts); it reaches the bridge as window.mer. ${see}`,
      },
    ],
    modules: [noElectron('src/renderer'), noNodeBuiltins('src/renderer')],
    dynamicElectron: true,
  },
};

/** Specifiers that are not normalized can hide where they lead; refused under src/. */
const unnormalized = [
  {
    regex: '^\\.\\.?/(?:.*/)?(?!\\.\\.?/)[^/]+/(?:.*/)?\\.\\.?(?:[/?]|$)',
    message: 'Write relative imports normalized (no "x/../y" or "./" after a folder name): the layering rules read the specifier.',
  },
  { regex: '^\\.\\.?(?:/.*)?//', message: 'Write relative imports without "//": the layering rules read the specifier.' },
  { regex: '^/', message: 'No absolute import paths: import relatively.' },
];

/**
 * The `no-restricted-imports` patterns of one layer for files `depth` folders below it.
 * @param {Layer} layer
 * @param {number} depth
 * @param {ModuleBan[]} modules
 */
function patternsFor(layer, depth, modules) {
  const parts = layer.dir.split('/');
  /** @type {object[]} */
  const patterns = modules.map((m) => ({ ...m, caseSensitive: true }));
  // j = how many folders above the layer's own folder the import lands.
  for (let j = 0; j <= parts.length; j++) {
    const ancestor = parts.slice(0, parts.length - j).join('/');
    const up = depth + j;
    const prefix = up === 0 ? '\\.\\/' : `(?:\\.\\/)?(?:\\.\\.\\/){${up}}`;
    for (const ban of layer.dirs) {
      if (ancestor !== '' && !ban.dir.startsWith(`${ancestor}/`)) continue;
      if (ban.dir === layer.dir || layer.dir.startsWith(`${ban.dir}/`)) continue;
      const rel = ancestor === '' ? ban.dir : ban.dir.slice(ancestor.length + 1);
      const tail = ban.except ? `(?:[?]|$|/(?!(?:${ban.except.map(esc).join('|')})(?:[/?]|$)))` : '(?:[/?]|$)';
      patterns.push({
        regex: `^${prefix}${esc(rel)}${tail}`,
        message: ban.message,
        ...(ban.allowTypeImports ? { allowTypeImports: true } : {}),
      });
    }
  }
  patterns.push({
    regex: `^(?:\\.\\/)?(?:\\.\\.\\/){${depth + parts.length + 1},}`,
    message: 'This import leaves the repository.',
  });
  patterns.push(...unnormalized);
  return patterns;
}

/**
 * Flat-config objects for one layer, one per folder depth (the globs do not overlap).
 * @param {Layer} layer
 * @param {{ file: string; modules: ModuleBan[] }[]} [exceptions] files with their own module rules
 */
function layerConfigs(layer, exceptions = []) {
  const configs = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    configs.push({
      name: `mer/layering ${layer.dir} depth ${depth}`,
      files: [`${layer.dir}/${'*/'.repeat(depth)}*.${EXT}`],
      rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(layer, depth, layer.modules) }] },
    });
  }
  configs.push({
    name: `mer/layering ${layer.dir} too deep`,
    files: [`${layer.dir}/${'*/'.repeat(MAX_DEPTH + 1)}**/*.${EXT}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...layer.modules, { regex: '^\\.\\./', message: `Nest less than ${MAX_DEPTH} folders deep: the layering rules stop there.` }] },
      ],
    },
  });
  if (layer.testModules) {
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      configs.push({
        name: `mer/layering ${layer.dir} tests depth ${depth}`,
        files: [`${layer.dir}/${'*/'.repeat(depth)}*.test.{ts,tsx,mts,cts}`],
        rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(layer, depth, layer.testModules) }] },
      });
    }
  }
  for (const exception of exceptions) {
    const depth = exception.file.slice(layer.dir.length + 1).split('/').length - 1;
    configs.push({
      name: `mer/layering ${exception.file}`,
      files: [exception.file],
      rules: { 'no-restricted-imports': ['error', { patterns: patternsFor(layer, depth, exception.modules) }] },
    });
  }
  // import() is not an import declaration: ban electron there too (or lift a wider layer's ban).
  configs.push({
    name: `mer/layering ${layer.dir} dynamic electron`,
    files: [`${layer.dir}/**/*.${EXT}`],
    rules: {
      'no-restricted-syntax': layer.dynamicElectron
        ? ['error', { selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]', message: `${layer.dir} must not import electron. ${see}` }]
        : 'off',
    },
  });
  return configs;
}

export default defineConfig(
  { name: 'mer/ignores', ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/', '.tmp/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'mer/base',
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // Everywhere (tests and tools included): raw IPC stays in the two bridge files.
      'no-restricted-imports': ['error', { patterns: [{ ...noIpc(['ipcMain', 'ipcRenderer']), caseSensitive: true }] }],
    },
  },
  {
    name: 'mer/renderer',
    files: [`src/renderer/**/*.${EXT}`],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
  },
  {
    name: 'mer/preload globals',
    files: [`src/preload/**/*.${EXT}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...layerConfigs(layers.main),
  ...layerConfigs(layers.core),
  ...layerConfigs(layers.ml),
  ...layerConfigs(layers.server),
  ...layerConfigs(layers.shared),
  ...layerConfigs(layers.renderer),
  ...layerConfigs(layers.electron, [{ file: 'src/main/electron/ipc-host.ts', modules: [noIpc(['ipcRenderer'])] }]),
  ...layerConfigs(layers.preload, [{ file: 'src/preload/index.ts', modules: preloadModules(['contextBridge', 'ipcRenderer']) }]),
);
