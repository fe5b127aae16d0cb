import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/connection';
import { createDatasetImportsRepository } from '../db/repositories/dataset-imports';
import { createProjectsRepository } from '../db/repositories/projects';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import { about, DatasetError } from './errors';
import { decide } from './import/decide';
import { planImport } from './import/plan';
import { buildReport } from './import/report';
import { inspectSheet } from './sheets/inspect-sheet';
import { readWorkbook } from './sheets/read-workbook';

/** A problem with the user's sheet or folders is their input, not our failure: named by the field it is about. */
function asInputError(error: unknown): never {
  if (error instanceof DatasetError) throw new ApiError('VALIDATION', error.message, error.field && [{ path: error.field, message: error.message }]);
  throw error;
}

export function datasetHandlers(db: Db) {
  const imports = createDatasetImportsRepository(db);
  const projects = createProjectsRepository(db);
  return {
    'datasets.preview': (input) => {
      try {
        const plan = planImport(db, input);
        return buildReport(plan, decide(db, plan), { dryRun: true });
      } catch (error) {
        return asInputError(error);
      }
    },
    'datasets.inspectSheet': ({ sheet }) => {
      try {
        return inspectSheet(about('sheet', () => readWorkbook(path.resolve(sheet))));
      } catch (error) {
        return asInputError(error);
      }
    },
    'datasets.reports': ({ projectId }) => {
      if (!projects.get(projectId)) throw notFound('Project', projectId);
      return imports.reports(projectId);
    },
    'datasets.report': ({ id }) => {
      const found = imports.report(id);
      if (!found) throw notFound('Import report', id);
      return found;
    },
  } satisfies Partial<Handlers>;
}
