import type { Job } from '../../../shared/api/jobs';

export interface ImportOutcome {
  severity: 'success' | 'info' | 'warning' | 'error';
  text: string;
}

/** What a finished import did, in one sentence; null while it runs. */
export function importOutcome(job: Job, recordingName: (id: number) => string | undefined): ImportOutcome | null {
  if (job.status === 'failed' || job.status === 'interrupted') return { severity: 'error', text: job.error ?? job.message ?? 'The import failed' };
  if (job.status === 'cancelled') return { severity: 'info', text: 'Cancelled: nothing was imported' };
  if (job.status !== 'succeeded') return null;
  const r = (job.result ?? {}) as Record<string, unknown>;
  if (job.kind === 'recordings.import-session') {
    const count = Array.isArray(r['recordingIds']) ? r['recordingIds'].length : 0;
    return { severity: 'success', text: `Imported ${count} recordings (${String(r['frames'])} frames) as session #${String(r['sessionId'])}` };
  }
  const id = typeof r['recordingId'] === 'number' ? r['recordingId'] : 0;
  const name = recordingName(id);
  const called = name ? `“${name}”` : `recording #${id}`;
  if (r['duplicate'] === true) return { severity: 'info', text: `Already imported as ${called}: the same file content is in this project, nothing was imported` };
  const notes: string[] = [];
  const gaps = Array.isArray(r['gaps']) ? r['gaps'].length : 0;
  const duplicates = Array.isArray(r['duplicates']) ? r['duplicates'].length : 0;
  if (gaps > 0) notes.push(`${gaps} missing frame ${gaps === 1 ? 'number' : 'numbers'}`);
  if (duplicates > 0) notes.push(`${duplicates} duplicate ${duplicates === 1 ? 'file' : 'files'} skipped`);
  const text = `Imported ${called}: ${String(r['frames'])} frames from frame ${String(r['firstFrame'])}, ${String(r['width'])}×${String(r['height'])} at ${String(r['fps'])} fps`;
  return { severity: notes.length > 0 ? 'warning' : 'success', text: notes.length > 0 ? `${text} (${notes.join(', ')})` : text };
}
