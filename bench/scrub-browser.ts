import type { Recording } from '../src/shared/api/recordings';

/** Steps through frames in Chromium and times it; filled in once the scrubber exists. */
export async function stepInBrowser(_url: string, _recording: Recording, _steps: number): Promise<string> {
  return 'browser stepping: not measured yet';
}
