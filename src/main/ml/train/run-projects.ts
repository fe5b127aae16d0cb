import type { LabelMappingInfo } from '../../../shared/api/mappings';
import type { Project } from '../../../shared/api/projects';
import type { TrainingConfig } from '../../../shared/api/training';
import type { Db } from '../../core/db/connection';
import { createProjectsRepository } from '../../core/db/repositories/projects';
import { chooseMapping } from '../../core/exports/export-split';
import { listMappings } from '../../core/labels/mappings';

export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

/** The projects a run trains on: its own project first, then `data.extraProjectIds`, each checked to exist once. */
export function runProjects(db: Db, config: TrainingConfig): Project[] {
  const repo = createProjectsRepository(db);
  const ids = [config.projectId, ...config.data.extraProjectIds];
  const projects: Project[] = [];
  for (const id of ids) {
    const project = repo.get(id);
    if (!project) throw new TrainingDataError(`There is no project ${id}`);
    if (projects.some((p) => p.id === id)) throw new TrainingDataError(`The project "${project.name}" is chosen twice`);
    projects.push(project);
  }
  if (projects.length > 1 && config.protocol.protocol === 'saved') {
    throw new TrainingDataError(`A saved split names the events of one project: train on "${projects[0]!.name}" alone, or choose another protocol for ${projects.map((p) => `"${p.name}"`).join(', ')}`);
  }
  return projects;
}

const sameLabels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((l) => b.some((x) => x.toLowerCase() === l.toLowerCase()));

/**
 * The class mapping of one more project of a run: the first project's mapping decides the classes,
 * and each other project maps its own label set to those classes (a built-in key such as
 * CASME II → MEGC becomes SAMM → MEGC for the SAMM project). Without a mapping, the MEGC protocol
 * finds each project's MEGC mapping as it does for one project; otherwise each keeps its labels.
 */
export function extraProjectMapping(db: Db, project: Project, first: LabelMappingInfo | null, config: TrainingConfig): LabelMappingInfo | null {
  const key = config.data.mapping;
  if (first === null || key === null) {
    try {
      return chooseMapping(db, project.id, undefined, config.protocol.protocol);
    } catch (error) {
      throw new TrainingDataError(`The project "${project.name}" has no mapping to use: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const all = listMappings(db, project);
  const fits = (m: LabelMappingInfo) => sameLabels(m.fromLabels, project.labelSet) && sameLabels(m.toLabels, first.toLabels);
  // The chosen mapping itself when it is of this project's labels, else one of them to the same classes.
  const found = all.find((m) => m.key === key && fits(m)) ?? all.find((m) => m.name === first.name && fits(m)) ?? all.find(fits) ?? all.find((m) => m.key === key);
  if (!found) throw new TrainingDataError(`The project "${project.name}" has no mapping of its labels (${project.labelSet.join(', ')}) to ${first.toLabels.join(' / ')}, the classes of "${first.name}"; create one under Library`);
  return found;
}
