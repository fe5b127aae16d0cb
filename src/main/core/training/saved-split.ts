import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import type { SavedSplitRead } from '../../../shared/api/training-preview';
import type { Db } from '../db/connection';
import { createEventsRepository } from '../db/repositories/events';
import { createProjectsRepository } from '../db/repositories/projects';
import { notFound } from '../errors';
import { listMappings } from '../labels/mappings';

const splitFormat = 'mer-workstation-split/1';

/** The parts of an export's manifest.json (write-export.ts) a run needs; projectId is absent from older exports. */
const Manifest = z.object({
  format: z.literal(splitFormat),
  project: z.string(),
  projectId: z.number().int().optional(),
  createdAt: z.string(),
  protocol: z.string(),
  seed: z.number().int().nullable().optional(),
  mapping: z.object({ key: z.string(), name: z.string() }).nullable(),
  samples: z.array(z.object({ id: z.number().int().positive(), subject: z.string().nullable() })),
  folds: z.array(z.object({ name: z.string(), train: z.array(z.number().int().positive()), validation: z.array(z.number().int().positive()), test: z.array(z.number().int().positive()) })).min(1),
});

const refuse = (message: string) => new ApiError('VALIDATION', message, [{ path: 'path', message }]);

function readManifest(folder: string): unknown {
  const file = path.join(folder, 'manifest.json');
  let text: string;
  try {
    if (!statSync(folder).isDirectory()) throw refuse(`${folder} is a file; choose the folder the Export page wrote`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse(`There is no ${statExists(folder) ? 'manifest.json in' : 'folder'} ${folder}; choose the folder the Export page wrote`);
    throw refuse(`Cannot read ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refuse(`${file} is not valid JSON (${(error as Error).message}); it may have been edited or cut short`);
  }
}

function statExists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a split the Export page saved, for a run to train on: its manifest must be a split export
 * of this project whose events all still exist, and its mapping one the project still has. The
 * folds are returned whole, to be stored in the run's configuration.
 */
export function readSavedSplit(db: Db, query: { projectId: number; path: string }): SavedSplitRead {
  const project = createProjectsRepository(db).get(query.projectId);
  if (!project) throw notFound('Project', query.projectId);
  const folder = path.resolve(query.path);
  const raw = readManifest(folder);
  if ((raw as { format?: unknown } | null)?.format !== splitFormat) throw refuse(`${folder}/manifest.json is not a split written by the Export page (its format is not "${splitFormat}")`);
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse(`${folder}/manifest.json is damaged: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const manifest = parsed.data;
  const sameProject = manifest.projectId === undefined ? manifest.project === project.name : manifest.projectId === project.id;
  if (!sameProject) throw refuse(`This split was exported from the project "${manifest.project}", not "${project.name}"`);
  const existing = new Set(createEventsRepository(db).listAll({ projectId: project.id }).map((e) => e.id));
  const named = [...new Set(manifest.folds.flatMap((f) => [...f.train, ...f.validation, ...f.test]))];
  const gone = named.filter((id) => !existing.has(id)).sort((a, b) => a - b);
  if (gone.length > 0) {
    throw refuse(`${gone.length} of the split's ${named.length} events no longer exist in "${project.name}" (event ${gone.slice(0, 8).join(', ')}${gone.length > 8 ? ', …' : ''}); export the split again`);
  }
  const mapping = manifest.mapping;
  if (mapping && !listMappings(db, project).some((m) => m.key === mapping.key)) {
    throw refuse(`The split's classes come from the mapping "${mapping.name}", which the project no longer has`);
  }
  const subjectOf = new Map(manifest.samples.map((s) => [s.id, s.subject]));
  return {
    split: {
      path: folder,
      protocol: manifest.protocol,
      seed: manifest.seed ?? null,
      createdAt: manifest.createdAt,
      folds: manifest.folds.map((f) => ({ name: f.name, train: f.train, validation: f.validation, test: f.test })),
    },
    mapping: mapping?.key ?? null,
    samples: named.length,
    subjects: new Set(named.map((id) => subjectOf.get(id) ?? `event ${id}`)).size,
  };
}
