import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { LabelMappingInfo } from '../../../shared/api/mappings';
import { LABEL_MAPPINGS, LABEL_SETS } from '../../../shared/domain/labels';
import type { Db } from '../db/connection';
import { createProjectsRepository } from '../db/repositories/projects';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';

interface MappingRow {
  id: number;
  project_id: number;
  name: string;
  to_labels: string;
  map: string;
  updated_at: string;
}

/** Checks that a mapping sends every label of the project's set to a target label or drops it. */
function checkMapping(fromLabels: readonly string[], toLabels: readonly string[], map: Record<string, string | null>): void {
  const issues: FieldIssue[] = [];
  for (const label of fromLabels) if (!(label in map)) issues.push({ path: `map.${label}`, message: `"${label}" is not mapped (map it, or to null to drop it)` });
  for (const [label, target] of Object.entries(map)) {
    if (!fromLabels.includes(label)) issues.push({ path: `map.${label}`, message: `"${label}" is not a label of the project` });
    else if (target !== null && !toLabels.includes(target)) issues.push({ path: `map.${label}`, message: `"${target}" is not one of the target labels (${toLabels.join(', ')})` });
  }
  if (new Set(toLabels.map((l) => l.toLowerCase())).size !== toLabels.length) issues.push({ path: 'toLabels', message: 'target labels must be unique' });
  if (issues.length > 0) throw new ApiError('VALIDATION', issues.map((i) => i.message).join('; '), issues);
}

interface ProjectLabels {
  id: number;
  labelSet: string[];
}

/** The project's own mappings first, then the public datasets'. */
export function listMappings(db: Db, project: ProjectLabels): LabelMappingInfo[] {
  const rows = db.prepare<[number], MappingRow>(`SELECT * FROM label_mappings WHERE project_id = ? ORDER BY name`).all(project.id);
  const builtIn: LabelMappingInfo[] = LABEL_MAPPINGS.map((m) => ({
    key: `builtin:${m.id}`,
    id: null,
    name: m.name,
    fromLabels: [...LABEL_SETS[m.from].labels],
    toLabels: [...LABEL_SETS[m.to].labels],
    map: { ...m.map },
    editable: false,
    source: `${m.basis === 'documented' ? 'documented' : 'by analogy, needs confirmation'}: ${m.source}`,
    updatedAt: null,
  }));
  return [...rows.map((row) => projectMapping(row, project.labelSet)), ...builtIn];
}

function projectMapping(row: MappingRow, fromLabels: string[]): LabelMappingInfo {
  return {
    key: `project:${row.id}`,
    id: row.id,
    name: row.name,
    fromLabels,
    toLabels: JSON.parse(row.to_labels) as string[],
    map: JSON.parse(row.map) as Record<string, string | null>,
    editable: true,
    source: 'this project',
    updatedAt: row.updated_at,
  };
}

/** Class mappings: the public datasets' (read-only, from code) and each project's own (stored, editable). */
export function mappingHandlers(db: Db) {
  const projects = createProjectsRepository(db);
  const byId = db.prepare<[number], MappingRow>(`SELECT * FROM label_mappings WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO label_mappings (project_id, name, to_labels, map, created_at, updated_at) VALUES (@projectId, @name, @toLabels, @map, @now, @now)`);
  const update = db.prepare(`UPDATE label_mappings SET name = @name, to_labels = @toLabels, map = @map, updated_at = @now WHERE id = @id`);
  const remove = db.prepare<[number]>(`DELETE FROM label_mappings WHERE id = ?`);

  return {
    'labels.sets': () => Object.values(LABEL_SETS).map((s) => ({ id: s.id, name: s.name, labels: [...s.labels], source: s.source })),
    'mappings.list': ({ projectId }) => {
      const project = projects.get(projectId);
      if (!project) throw notFound('Project', projectId);
      return listMappings(db, project);
    },
    'mappings.save': ({ projectId, id, name, toLabels, map }) => {
      const project = projects.get(projectId);
      if (!project) throw notFound('Project', projectId);
      checkMapping(project.labelSet, toLabels, map);
      const values = { projectId, name, toLabels: JSON.stringify(toLabels), map: JSON.stringify(map), now: new Date().toISOString() };
      let savedId = id;
      if (id === undefined) savedId = Number(insert.run(values).lastInsertRowid);
      else {
        const row = byId.get(id);
        if (!row || row.project_id !== projectId) throw notFound('Mapping', id);
        update.run({ ...values, id });
      }
      return projectMapping(byId.get(savedId!)!, project.labelSet);
    },
    'mappings.delete': ({ id }) => {
      if (remove.run(id).changes !== 1) throw notFound('Mapping', id);
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
