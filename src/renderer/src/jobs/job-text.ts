import type { Job, JobKind, JobStatus } from '../../../shared/api/jobs';

export const jobKindLabels: Record<JobKind, string> = {
  'db.integrity': 'Database integrity check',
  'db.backup': 'Database backup',
  'recordings.import-video': 'Video import',
  'recordings.import-images': 'Image sequence import',
  'recordings.import-session': 'Session import',
  'recordings.detect-face': 'Face detection',
  'recordings.detect-faces': 'Face boxes for a project',
  'datasets.import': 'Dataset import',
  'datasets.export': 'Split export',
  'training.run': 'Training',
  'training.probe': 'Training speed probe',
  'models.export': 'Model export (TensorFlow.js)',
  'models.predict': 'Prediction',
  'demo.create': 'Demo project',
  'projects.export-archive': 'Project archive export',
  'projects.import-archive': 'Project archive import',
};

export const jobStatusLabels: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export type StatusColor = 'default' | 'info' | 'success' | 'error' | 'warning';

export const jobStatusColors: Record<JobStatus, StatusColor> = {
  queued: 'default',
  running: 'info',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
  interrupted: 'warning',
};

function seconds(from: string, to: string): string {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : '';
}

/** "Started 14:02:11 · took 0.4 s", or when it was queued. */
export function jobTiming(job: Job): string {
  if (!job.startedAt) return `Queued ${new Date(job.createdAt).toLocaleTimeString()}`;
  const started = `Started ${new Date(job.startedAt).toLocaleTimeString()}`;
  return job.finishedAt ? `${started} · took ${seconds(job.startedAt, job.finishedAt)}` : started;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** The file or folder an import job reads, for its card. */
export function jobSource(job: Job): string | null {
  const params = record(job.params);
  if (!params) return null;
  const source = params['path'] ?? params['dir'] ?? params['sheet'] ?? params['root'];
  return typeof source === 'string' ? source : null;
}

function importLine(result: Record<string, unknown>): string {
  const frames = typeof result['frames'] === 'number' ? result['frames'] : '?';
  if (result['duplicate'] === true) return `Already imported as recording #${String(result['recordingId'])}: nothing was imported`;
  const extras: string[] = [];
  for (const key of ['gaps', 'duplicates', 'unnumbered'] as const) {
    const list = result[key];
    if (Array.isArray(list) && list.length > 0) extras.push(`${list.length} ${key === 'gaps' ? 'missing frames' : `${key} skipped`}`);
  }
  const base = `Recording #${String(result['recordingId'])}: ${frames} frames from ${String(result['firstFrame'])} at ${String(result['fps'])} fps`;
  return extras.length > 0 ? `${base} (${extras.join(', ')})` : base;
}

/** A line about the result, for kinds whose result a user wants to find again (a backup's file). */
export function jobResultLine(job: Job): string | null {
  const result = job.status === 'succeeded' ? record(job.result) : null;
  if (!result) return null;
  switch (job.kind) {
    case 'db.backup': {
      if (typeof result['dir'] !== 'string') return null;
      const bytes = typeof result['bytes'] === 'number' ? ` (${(result['bytes'] / 1024).toFixed(0)} KiB)` : '';
      return `${result['dir']}${bytes}`;
    }
    case 'db.integrity':
      return Array.isArray(result['problems']) && result['problems'].length > 0 ? result['problems'].map(String).join('\n') : null;
    case 'recordings.import-video':
    case 'recordings.import-images':
      return importLine(result);
    case 'recordings.import-session': {
      const ids = Array.isArray(result['recordingIds']) ? result['recordingIds'].length : 0;
      return `Session #${String(result['sessionId'])}: ${ids} recordings, ${String(result['frames'])} frames`;
    }
    case 'recordings.detect-face': {
      const box = record(result['faceBox']);
      const where = `recording #${String(result['recordingId'])}, frame ${String(result['frame'])}`;
      return box ? `Face at ${String(box['width'])}×${String(box['height'])} (${String(box['x'])}, ${String(box['y'])}) on ${where}` : `No face on ${where}`;
    }
    case 'recordings.detect-faces': {
      const missed = Array.isArray(result['noFace']) && result['noFace'].length > 0 ? `; no face in ${result['noFace'].map(String).join(', ')}` : '';
      return `${String(result['detected'])} boxes detected, ${String(result['kept'])} kept${missed}`;
    }
    case 'datasets.import': {
      const counts = record(result['counts']);
      const n = (key: string) => (typeof counts?.[key] === 'number' ? counts[key] : '?');
      const dry = result['dryRun'] === true ? ' (dry run: nothing written)' : '';
      return `${String(result['formatName'] ?? result['format'])}: ${String(n('imported'))} of ${String(n('rows'))} rows imported, ${String(n('skipped'))} skipped, ${String(n('newEvents'))} new events${dry}`;
    }
    case 'datasets.export':
      return `${String(result['dir'])}: ${String(result['folds'])} folds, ${String(result['samples'])} samples of ${String(result['subjects'])} subjects`;
    case 'training.run':
      return `Run #${String(result['runId'])} on ${String(result['backend'])}: accuracy ${percentOf(result['accuracy'])}, UF1 ${percentOf(result['uf1'])}, UAR ${percentOf(result['uar'])}`;
    case 'training.probe':
      return `About ${Math.round(Number(result['runSeconds']) / 60)} min of training steps on ${String(result['backend'])}`;
    case 'models.export':
      return String(result['dir']);
    case 'models.predict':
      return `${(result['predictions'] as unknown[]).length} event(s) with ${String(result['model'])}`;
    case 'projects.export-archive':
      return `${String(result['file'])} (${(Number(result['bytes']) / 1e6).toFixed(1)} MB)`;
    case 'projects.import-archive':
      return `Project "${String(result['project'])}" from the archive of "${String(result['archivedAs'])}"`;
    case 'demo.create':
      return result['created'] === false
        ? `The project "${String(result['project'])}" already exists`
        : `Project "${String(result['project'])}": ${String(result['subjects'])} subjects, ${String(result['recordings'])} recordings, ${String(result['events'])} events`;
  }
}

function percentOf(value: unknown): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : 'n/a';
}
