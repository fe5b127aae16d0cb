import { createRequire } from 'node:module';

/**
 * The native TensorFlow bindings are optional dependencies that are often absent (their binary
 * download fails or is skipped), so they are required by name at run time, never imported: the
 * bundler leaves them alone and their absence costs nothing until someone asks for them.
 */

export type NativePackage = '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';

const requireHere = createRequire(__filename);

/**
 * Loads a native package (it registers the `tensorflow` backend) and returns its version.
 * Throws an error that says whether it is missing or installed but broken, and why.
 */
export function loadNativePackage(pkg: NativePackage): string {
  let version: string;
  try {
    version = (requireHere(`${pkg}/package.json`) as { version: string }).version;
  } catch (error) {
    throw new Error(`${pkg} is not installed (an optional dependency whose binary download failed or was skipped)`, { cause: error });
  }
  try {
    requireHere(pkg);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`${pkg} ${version} is installed but does not load: ${reason}`, { cause: error });
  }
  return version;
}
