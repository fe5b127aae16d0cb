import type { Cell } from '../db/repositories/project-rows';
import type { IdMaps } from './id-maps';

/**
 * Ids that live inside JSON columns, renumbered with the rows: an event's state in its history,
 * a consensus event's provenance, an import report's events, a run's configuration, a fold's
 * attention samples.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function editJson(cell: Cell, edit: (value: Json) => void): Cell {
  if (typeof cell !== 'string') return cell;
  const value: unknown = JSON.parse(cell);
  if (!isObject(value)) return cell;
  edit(value);
  return JSON.stringify(value);
}

/** `before`/`after` of event_changes: an EventState. */
export function remapEventState(cell: Cell, ids: IdMaps): Cell {
  return editJson(cell, (state) => {
    if ('recordingId' in state) state['recordingId'] = ids.must('recordings', state['recordingId']);
    if ('annotatorId' in state) state['annotatorId'] = ids.must('annotators', state['annotatorId']);
    if ('subjectId' in state) state['subjectId'] = ids.ref('subjects', state['subjectId']);
    if ('provenance' in state && isObject(state['provenance'])) state['provenance'] = remapProvenanceObject(state['provenance'], ids);
  });
}

/** A consensus event names the events its fields came from: "Ana (event 12)". */
function remapProvenanceObject(provenance: Json, ids: IdMaps): Json {
  return Object.fromEntries(
    Object.entries(provenance).map(([field, from]) => [field, typeof from === 'string' ? from.replace(/\(event (\d+)\)/g, (_, n: string) => `(event ${ids.must('events', Number(n))})`) : from]),
  );
}

export function remapProvenance(cell: Cell, ids: IdMaps): Cell {
  return editJson(cell, (provenance) => {
    for (const [field, from] of Object.entries(remapProvenanceObject(provenance, ids))) provenance[field] = from;
  });
}

/** An import report lists events it changed or found removed, and its own stored id. */
export function remapImportReport(cell: Cell, ids: IdMaps, reportId: number): Cell {
  return editJson(cell, (report) => {
    if ('reportId' in report && report['reportId'] !== null) report['reportId'] = reportId;
    const changes = report['changes'];
    if (!isObject(changes)) return;
    for (const list of [changes['removed'], changes['items']]) {
      if (!Array.isArray(list)) continue;
      for (const item of list) if (isObject(item) && 'eventId' in item) item['eventId'] = ids.must('events', item['eventId']);
    }
  });
}

/** A run's configuration names its project, the coders it used, a project mapping by key and the events of a saved split. */
export function remapRunConfig(cell: Cell, ids: IdMaps): Cell {
  return editJson(cell, (config) => {
    if ('projectId' in config) config['projectId'] = ids.must('projects', config['projectId']);
    remapSavedSplit(config['protocol'], ids);
    const data = config['data'];
    if (!isObject(data)) return;
    if (Array.isArray(data['annotatorIds'])) data['annotatorIds'] = data['annotatorIds'].map((id) => ids.must('annotators', id));
    // Projects pooled into the run are not in a one-project archive: the run keeps its results but names only this project.
    if (Array.isArray(data['extraProjectIds'])) data['extraProjectIds'] = data['extraProjectIds'].filter((id) => ids.has('projects', id)).map((id) => ids.must('projects', id));
    const mapping = typeof data['mapping'] === 'string' ? /^project:(\d+)$/.exec(data['mapping']) : null;
    if (mapping) data['mapping'] = `project:${ids.must('label_mappings', Number(mapping[1]))}`;
  });
}

/** A split saved by the Export page is stored in the run as its folds' event ids. */
function remapSavedSplit(protocol: unknown, ids: IdMaps): void {
  const saved = isObject(protocol) ? protocol['saved'] : null;
  if (!isObject(saved) || !Array.isArray(saved['folds'])) return;
  for (const fold of saved['folds']) {
    if (!isObject(fold)) continue;
    for (const side of ['train', 'validation', 'test']) {
      const events = fold[side];
      if (Array.isArray(events)) fold[side] = events.map((id) => ids.must('events', id));
    }
  }
}

/**
 * A fold's DAO attention samples name the test event and its recording. Samples of another
 * project's recordings (a run that pooled projects) are left out: their frames are not in the archive.
 */
export function remapAttention(cell: Cell, ids: IdMaps): Cell {
  if (typeof cell !== 'string') return cell;
  const samples: unknown = JSON.parse(cell);
  if (!Array.isArray(samples)) return cell;
  const kept = samples.filter((sample) => isObject(sample) && ids.has('recordings', sample['recordingId'])) as Json[];
  for (const sample of kept) {
    sample['eventId'] = ids.must('events', sample['eventId']);
    sample['recordingId'] = ids.must('recordings', sample['recordingId']);
  }
  return JSON.stringify(kept);
}
