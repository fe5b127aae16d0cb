import { expect, test } from 'vitest';
import type { ProjectRowsRepository } from '../db/repositories/project-rows';
import { IdMaps } from './id-maps';
import { remapRunConfig } from './remap-json';

/** Ids in the importing database start after 100 (events after 500). */
const repo = { maxId: () => 100, maxEventId: () => 500 } as unknown as ProjectRowsRepository;

test("a run's saved split is renumbered with the events it names", () => {
  const ids = new IdMaps(repo, 0);
  ids.allocate('projects', 7);
  ids.allocate('events', 1);
  ids.allocate('events', 2);
  const config = { projectId: 7, protocol: { protocol: 'saved', saved: { path: '/x', folds: [{ name: 'fold 1', train: [1], validation: [], test: [2] }] } }, data: {} };
  const remapped = JSON.parse(remapRunConfig(JSON.stringify(config), ids) as string) as typeof config;
  expect(remapped.projectId).toBe(101);
  expect(remapped.protocol.saved.folds[0]).toEqual({ name: 'fold 1', train: [501], validation: [], test: [502] });
});
