import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/connection';
import { createEventsRepository } from '../db/repositories/events';
import { createProjectsRepository } from '../db/repositories/projects';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { notFound } from '../errors';
import type { ExportSample } from '../exports/samples';
import { listMappings } from '../labels/mappings';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface EventsToPredict {
  samples: ExportSample[];
  /** Each event's emotion under the model's mapping (null when the mapping drops it). */
  humanLabels: Map<number, string | null>;
}

/**
 * The events as samples a model can read, after checking that the model's classes are classes of
 * the events' project under the mapping the model was trained with: a model of other classes
 * would name its predictions wrongly, so it is refused with both lists.
 */
export function eventsToPredict(db: Db, model: { classes: readonly string[]; mapping: string | null }, eventIds: readonly number[]): EventsToPredict {
  const eventsRepo = createEventsRepository(db);
  const events = eventIds.map((id) => eventsRepo.get(id) ?? (() => { throw notFound('Event', id); })());
  const projectIds = [...new Set(events.map((e) => e.projectId))];
  if (projectIds.length > 1) throw new ApiError('VALIDATION', 'The events belong to more than one project; predict one project at a time', [{ path: 'eventIds', message: 'more than one project' }]);
  const project = createProjectsRepository(db).get(projectIds[0]!)!;
  const mapping = model.mapping === null ? null : (listMappings(db, project).find((m) => m.key === model.mapping) ?? null);
  if (model.mapping !== null && mapping === null) throw new ApiError('VALIDATION', `The model was trained with the class mapping "${model.mapping}", which the project "${project.name}" does not have`);
  const vocabulary = mapping ? mapping.toLabels : project.labelSet;
  const foreign = model.classes.filter((c) => !vocabulary.some((v) => same(v, c)));
  if (foreign.length > 0) {
    const where = mapping ? `the mapping "${mapping.name}"` : 'its label set';
    throw new ApiError('VALIDATION', `The model's classes (${model.classes.join(', ')}) do not match the project "${project.name}" under ${where} (${vocabulary.join(', ')}): ${foreign.map((c) => `"${c}"`).join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not among them`);
  }
  const recordings = createRecordingsRepository(db);
  const humanLabels = new Map<number, string | null>();
  const samples = events.map((event): ExportSample => {
    let label: string | null = event.emotion;
    if (mapping) {
      const key = Object.keys(mapping.map).find((k) => same(k, event.emotion));
      label = key === undefined ? null : (mapping.map[key] ?? null);
    }
    humanLabels.set(event.id, label);
    return { id: event.id, subject: `${project.name}/${event.subjectCode ?? '?'}`, label: label ?? '', recording: recordings.get(event.recordingId)!, event };
  });
  return { samples, humanLabels };
}
