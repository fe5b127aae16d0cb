import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';
import type { EventFlag, LabelEvent } from '../../../../shared/api/events';

interface EventRow {
  id: number;
  recording_id: number;
  project_id: number;
  annotator_id: number;
  annotator_name: string;
  subject_id: number | null;
  subject_code: string | null;
  subject_overridden: number;
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  objective_class: string | null;
  au_raw: string;
  au_list: string | null;
  notes: string;
  uncertain: number;
  provenance: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  apex_missing: number;
  overlap: number;
  au_unparsed: number;
  unknown_emotion: number;
}

/** The full event; flags come from columns kept up to date on every write. */
const select = `
  SELECT e.id, e.recording_id, r.project_id, e.annotator_id, a.name AS annotator_name,
    COALESCE(e.subject_id, r.subject_id) AS subject_id, s.code AS subject_code, e.subject_id IS NOT NULL AS subject_overridden,
    e.onset, e.apex, e.offset, e.emotion, e.objective_class, e.au_raw, e.notes, e.uncertain, e.provenance, e.version,
    e.created_at, e.updated_at, e.au_unparsed, e.overlap, e.unknown_emotion, e.apex IS NULL AS apex_missing,
    (SELECT group_concat(au) FROM event_aus x WHERE x.event_id = e.id) AS au_list
  FROM events e
  JOIN recordings r ON r.id = e.recording_id
  JOIN annotators a ON a.id = e.annotator_id
  LEFT JOIN subjects s ON s.id = COALESCE(e.subject_id, r.subject_id)`;

function toEvent(row: EventRow): LabelEvent {
  const flags: EventFlag[] = [];
  if (row.apex_missing) flags.push('apex-missing');
  if (row.overlap) flags.push('overlap');
  if (row.au_unparsed) flags.push('au-unparsed');
  if (row.unknown_emotion) flags.push('unknown-emotion');
  return {
    id: row.id,
    recordingId: row.recording_id,
    projectId: row.project_id,
    annotatorId: row.annotator_id,
    annotatorName: row.annotator_name,
    subjectId: row.subject_id,
    subjectCode: row.subject_code,
    subjectOverridden: row.subject_overridden === 1,
    onset: row.onset,
    apex: row.apex,
    offset: row.offset,
    emotion: row.emotion,
    objectiveClass: row.objective_class,
    aus: row.au_raw,
    auNumbers: row.au_list ? row.au_list.split(',').map(Number).sort((a, b) => a - b) : [],
    notes: row.notes,
    uncertain: row.uncertain === 1,
    flags,
    provenance: row.provenance === null ? null : (JSON.parse(row.provenance) as Record<string, string>),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored fields of an event, as written and as recorded in the audit trail. */
export interface EventState {
  recordingId: number;
  annotatorId: number;
  subjectId: number | null;
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
  objectiveClass: string | null;
  auRaw: string;
  auNumbers: number[];
  auUnparsed: boolean;
  notes: string;
  uncertain: boolean;
  provenance: Record<string, string> | null;
}

export interface EventFilter {
  projectId?: number | undefined;
  recordingId?: number | undefined;
  subjectId?: number | undefined;
  emotion?: string | undefined;
  au?: number | undefined;
  annotatorId?: number | undefined;
  status?: 'flagged' | 'unflagged' | 'uncertain' | undefined;
}

const filterSql: Record<keyof EventFilter, string> = {
  projectId: 'e.project_id = @projectId',
  recordingId: 'e.recording_id = @recordingId',
  subjectId: 'COALESCE(e.subject_id, (SELECT r.subject_id FROM recordings r WHERE r.id = e.recording_id)) = @subjectId',
  emotion: 'e.emotion = @emotion COLLATE NOCASE',
  au: 'e.id IN (SELECT event_id FROM event_aus WHERE au = @au)',
  annotatorId: 'e.annotator_id = @annotatorId',
  status: '',
};
const statusSql = {
  flagged: '(e.apex IS NULL OR e.overlap = 1 OR e.au_unparsed = 1 OR e.unknown_emotion = 1)',
  unflagged: 'NOT (e.apex IS NULL OR e.overlap = 1 OR e.au_unparsed = 1 OR e.unknown_emotion = 1)',
  uncertain: 'e.uncertain = 1',
} as const;

interface Span {
  id: number;
  onset: number;
  offset: number;
  overlap: number;
}

/**
 * For spans sorted by onset (then id): whether each shares a frame with another. A later span
 * overlaps it iff the next one starts by its offset; an earlier one iff the furthest offset
 * before it reaches its onset.
 */
export function overlapFlags(spans: readonly Pick<Span, 'onset' | 'offset'>[]): boolean[] {
  let furthest = -Infinity;
  return spans.map((span, i) => {
    const next = spans[i + 1];
    const overlap = span.onset <= furthest || (next !== undefined && next.onset <= span.offset);
    furthest = Math.max(furthest, span.offset);
    return overlap;
  });
}

export function createEventsRepository(db: Db) {
  const byId = db.prepare<[number], EventRow>(`${select} WHERE e.id = ?`);
  const byIds = db.prepare<[string], EventRow>(`${select} WHERE e.id IN (SELECT value FROM json_each(?))`);
  const findAnnotator = db.prepare<[string], { id: number }>(`SELECT id FROM annotators WHERE name = ?`);
  const insertAnnotator = db.prepare<[string, string]>(`INSERT INTO annotators (name, created_at) VALUES (?, ?)`);
  // A new event takes a number no event has had: SQLite would reuse a deleted last event's id,
  // whose audit trail (and undo) would then be taken for the new event's.
  const insert = db.prepare(`
    INSERT INTO events (id, recording_id, project_id, annotator_id, subject_id, onset, apex, offset, emotion, objective_class, au_raw, au_unparsed,
      notes, uncertain, provenance, created_at, updated_at)
    VALUES (1 + MAX(COALESCE((SELECT MAX(id) FROM events), 0), COALESCE((SELECT MAX(event_id) FROM event_changes), 0)),
      @recordingId, (SELECT project_id FROM recordings WHERE id = @recordingId), @annotatorId, @subjectId, @onset, @apex, @offset, @emotion, @objectiveClass, @auRaw, @auUnparsed,
      @notes, @uncertain, @provenance, @now, @now)`);
  const insertWithId = db.prepare(`
    INSERT INTO events (id, recording_id, project_id, annotator_id, subject_id, onset, apex, offset, emotion, objective_class, au_raw, au_unparsed,
      notes, uncertain, provenance, version, created_at, updated_at)
    VALUES (@id, @recordingId, (SELECT project_id FROM recordings WHERE id = @recordingId), @annotatorId, @subjectId, @onset, @apex, @offset, @emotion, @objectiveClass, @auRaw, @auUnparsed,
      @notes, @uncertain, @provenance, @version, @now, @now)`);
  const update = db.prepare(`
    UPDATE events SET subject_id = @subjectId, onset = @onset, apex = @apex, offset = @offset, emotion = @emotion,
      objective_class = @objectiveClass, au_raw = @auRaw, au_unparsed = @auUnparsed, notes = @notes, uncertain = @uncertain,
      provenance = @provenance, version = version + 1, updated_at = @now
    WHERE id = @id AND version = @version`);
  const remove = db.prepare<[number, number]>(`DELETE FROM events WHERE id = ? AND version = ?`);
  const clearAus = db.prepare<[number]>(`DELETE FROM event_aus WHERE event_id = ?`);
  const addAu = db.prepare<[number, number]>(`INSERT OR IGNORE INTO event_aus (event_id, au) VALUES (?, ?)`);
  // One coder's events on one recording, in frame order: which of them overlap another.
  const coderSpans = db.prepare<[number, number], Span>(`
    SELECT id, onset, offset, overlap FROM events WHERE recording_id = ? AND annotator_id = ? ORDER BY onset, id`);
  const setOverlap = db.prepare<[number, number]>(`UPDATE events SET overlap = ? WHERE id = ?`);
  const unknownEmotion = `NOT EXISTS (SELECT 1 FROM recordings r JOIN projects p ON p.id = r.project_id, json_each(p.label_set) l
      WHERE r.id = events.recording_id AND lower(l.value) = lower(events.emotion))`;
  const refreshEmotion = db.prepare<[number]>(`UPDATE events SET unknown_emotion = ${unknownEmotion} WHERE id = ?`);
  const refreshProjectEmotions = db.prepare<[number]>(
    `UPDATE events SET unknown_emotion = ${unknownEmotion} WHERE project_id = ?`,
  );
  const statements = new Map<string, { ids: Statement; count: Statement }>();
  const inProject = db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM events WHERE project_id = ?`);

  function writeAus(id: number, numbers: readonly number[]): void {
    clearAus.run(id);
    for (const au of numbers) addAu.run(id, au);
  }

  /**
   * One ordered read and a write of only the flags that changed: a per-row EXISTS over the coder's
   * events made a save cost O(n²) in them (264 ms at 780 events; the load benchmark found it).
   */
  function refreshOverlap(recordingId: number, annotatorId: number): void {
    const spans = coderSpans.all(recordingId, annotatorId);
    overlapFlags(spans).forEach((overlap, i) => {
      const span = spans[i]!;
      if (overlap !== (span.overlap === 1)) setOverlap.run(overlap ? 1 : 0, span.id);
    });
  }

  /** After any write: the derived flags of the event and of its coder's neighbours. */
  function refreshFlags(id: number, recordingId: number, annotatorId: number): void {
    refreshEmotion.run(id);
    refreshOverlap(recordingId, annotatorId);
  }

  function filterStatements(filter: EventFilter) {
    const keys = (Object.keys(filter) as (keyof EventFilter)[]).filter((k) => filter[k] !== undefined).sort();
    const key = keys.map((k) => (k === 'status' ? `status:${filter.status}` : k)).join(',');
    let found = statements.get(key);
    if (!found) {
      const where = keys.map((k) => (k === 'status' ? statusSql[filter.status!] : filterSql[k]));
      const from = `FROM events e ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
      found = {
        ids: db.prepare(`SELECT e.id ${from} ORDER BY e.recording_id, e.onset, e.id LIMIT @limit OFFSET @offset`).pluck(),
        count: db.prepare(`SELECT COUNT(*) ${from}`).pluck(),
      };
      statements.set(key, found);
    }
    return found;
  }

  const params = (s: EventState) => ({
    recordingId: s.recordingId,
    annotatorId: s.annotatorId,
    subjectId: s.subjectId,
    onset: s.onset,
    apex: s.apex,
    offset: s.offset,
    emotion: s.emotion,
    objectiveClass: s.objectiveClass,
    auRaw: s.auRaw,
    auUnparsed: s.auUnparsed ? 1 : 0,
    notes: s.notes,
    uncertain: s.uncertain ? 1 : 0,
    provenance: s.provenance === null ? null : JSON.stringify(s.provenance),
    now: new Date().toISOString(),
  });

  return {
    get: (id: number): LabelEvent | undefined => {
      const row = byId.get(id);
      return row && toEvent(row);
    },
    /** One page of events matching every given filter, in recording and frame order. */
    list(filter: EventFilter, limit: number, offset: number): { events: LabelEvent[]; total: number } {
      const { ids, count } = filterStatements(filter);
      const values = Object.fromEntries(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'status'));
      const pageIds = ids.all({ ...values, limit, offset }) as number[];
      const total = count.get(values) as number;
      if (pageIds.length === 0) return { events: [], total };
      const rows = new Map(byIds.all(JSON.stringify(pageIds)).map((row) => [row.id, row]));
      return { events: pageIds.map((id) => toEvent(rows.get(id)!)), total };
    },
    /** Every event matching the filter, read a page at a time, in the same order as `list`. */
    listAll(filter: EventFilter): LabelEvent[] {
      const all: LabelEvent[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = this.list(filter, 1000, offset);
        all.push(...page.events);
        if (page.events.length === 0 || all.length >= page.total) return all;
      }
    },
    /** The annotator with this name, created on first use. */
    annotatorId(name: string): number {
      const found = findAnnotator.get(name);
      if (found) return found.id;
      return Number(insertAnnotator.run(name, new Date().toISOString()).lastInsertRowid);
    },
    /** Inserts a new event (with a given id when an undo brings a deleted one back). */
    insert(s: EventState, restore?: { id: number; version: number }): number {
      const id = restore
        ? (insertWithId.run({ ...params(s), id: restore.id, version: restore.version }), restore.id)
        : Number(insert.run(params(s)).lastInsertRowid);
      writeAus(id, s.auNumbers);
      refreshFlags(id, s.recordingId, s.annotatorId);
      return id;
    },
    /** Writes the event if it is still at `version`; false when someone changed it since. */
    update(id: number, version: number, s: EventState): boolean {
      if (update.run({ ...params(s), id, version }).changes !== 1) return false;
      writeAus(id, s.auNumbers);
      refreshFlags(id, s.recordingId, s.annotatorId);
      return true;
    },
    delete(id: number, version: number): boolean {
      const row = byId.get(id);
      if (!row || remove.run(id, version).changes !== 1) return false;
      refreshOverlap(row.recording_id, row.annotator_id);
      return true;
    },
    /** After a project's label set changed: which events now have an emotion outside it. */
    refreshEmotions: (projectId: number): void => void refreshProjectEmotions.run(projectId),
    countInProject: (projectId: number): number => inProject.get(projectId)?.n ?? 0,
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
