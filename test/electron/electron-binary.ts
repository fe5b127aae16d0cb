import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { path: string; reason?: undefined } | { path: null; reason: string };

/**
 * Finds the Electron executable without side effects. `require('electron')` returns its path,
 * but when the binary is missing it first tries to download it (Electron ≥42), so we only ask
 * once the files say the binary is there.
 */
export function findElectronBinary(): ElectronBinary {
  const load = createRequire(__filename);
  let packageDir: string;
  try {
    packageDir = path.dirname(load.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (!override) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) {
      return { path: null, reason: `${pathFile} is missing: the binary was never downloaded (run "npx install-electron --no" where the network allows)` };
    }
    const expected = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(expected)) return { path: null, reason: `${expected} does not exist` };
  }
  let executable: string;
  try {
    executable = load('electron') as string;
  } catch (error) {
    return { path: null, reason: (error as Error).message };
  }
  return existsSync(executable) ? { path: executable } : { path: null, reason: `${executable} does not exist` };
}
