import { ApiError } from '../../../shared/api/errors';
import type { LabelEvent } from '../../../shared/api/events';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import type { Recording } from '../../../shared/api/recordings';
import type { SplitSample } from '../../../shared/domain/splits';
import type { Db } from '../db/connection';
import { createEventsRepository } from '../db/repositories/events';
import { createRecordingsRepository } from '../db/repositories/recordings';

/** One exported sample: an event with everything a loader needs. */
export interface ExportSample extends SplitSample {
  recording: Recording;
  event: LabelEvent;
  /** The class after the mapping (equal to the emotion without one). */
  label: string;
}

export interface SampleSelection {
  projectId: number;
  /** Only these coders' events (default: all). */
  annotatorIds?: number[] | undefined;
  /** Leave out events with a flag (apex missing, overlap, unreadable AUs, unknown emotion). */
  excludeFlagged?: boolean | undefined;
  /** Only consensus events: made by adjudicating two coders' codings, so they record each field's provenance. */
  consensusOnly?: boolean | undefined;
  mapping?: LabelMappingInfo | null | undefined;
  /** Dataset name for leave-one-dataset-out and the MEGC file. */
  datasetOf: (event: LabelEvent, recording: Recording) => string;
}

export interface SampleSet {
  samples: ExportSample[];
  /** Events left out, with why. */
  dropped: { eventId: number; reason: string }[];
}

/** The project's events as samples of the chosen classes; nothing is left out without a reason. */
export function collectSamples(db: Db, selection: SampleSelection): SampleSet {
  const events = createEventsRepository(db);
  const recordings = new Map(createRecordingsRepository(db).list(selection.projectId).map((r) => [r.id, r]));
  const all = events.listAll({ projectId: selection.projectId });
  const samples: ExportSample[] = [];
  const dropped: SampleSet['dropped'] = [];
  for (const event of all) {
    const recording = recordings.get(event.recordingId)!;
    if (selection.annotatorIds && !selection.annotatorIds.includes(event.annotatorId)) continue;
    if (selection.consensusOnly && event.provenance === null) {
      dropped.push({ eventId: event.id, reason: 'not a consensus of two coders' });
      continue;
    }
    if (selection.excludeFlagged && event.flags.length > 0) {
      dropped.push({ eventId: event.id, reason: `flagged: ${event.flags.join(', ')}` });
      continue;
    }
    if (event.subjectCode === null) {
      dropped.push({ eventId: event.id, reason: 'no subject (neither the event nor its recording names one)' });
      continue;
    }
    let label = event.emotion;
    if (selection.mapping) {
      const key = Object.keys(selection.mapping.map).find((k) => k.toLowerCase() === event.emotion.toLowerCase());
      const mapped = key === undefined ? undefined : selection.mapping.map[key];
      if (mapped === undefined) {
        dropped.push({ eventId: event.id, reason: `emotion "${event.emotion}" is not in the mapping "${selection.mapping.name}"` });
        continue;
      }
      if (mapped === null) {
        dropped.push({ eventId: event.id, reason: `"${event.emotion}" is dropped by the mapping "${selection.mapping.name}"` });
        continue;
      }
      label = mapped;
    }
    const dataset = selection.datasetOf(event, recording);
    samples.push({ id: event.id, subject: `${dataset}/${event.subjectCode}`, label, dataset, recording, event });
  }
  if (samples.length === 0) throw new ApiError('VALIDATION', `Nothing to export: no event of the project is left (${dropped.length} dropped)`);
  return { samples, dropped };
}
