import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LabelMappingInfo } from '../../src/shared/api/mappings';
import type { Project } from '../../src/shared/api/projects';
import { createTestBackend } from '../helpers/backend';

let backend: ReturnType<typeof createTestBackend>;
let project: Project;
beforeAll(async () => {
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'SDU lab' })) as Project;
});
afterAll(async () => backend.dispose());

const megc = { happiness: 'positive', surprise: 'surprise', disgust: 'negative', sadness: 'negative', fear: 'negative', anger: 'negative' };

test('the public datasets\' label sets and mappings are listed, read-only', async () => {
  const sets = (await backend.dispatch('labels.sets', {})) as { id: string; labels: string[] }[];
  expect(sets.find((s) => s.id === 'casme2')?.labels).toEqual(expect.arrayContaining(['happiness', 'repression', 'others']));
  const mappings = (await backend.dispatch('mappings.list', { projectId: project.id })) as LabelMappingInfo[];
  const casme = mappings.find((m) => m.key === 'builtin:casme2-to-megc2019');
  expect(casme).toMatchObject({ editable: false, toLabels: ['negative', 'positive', 'surprise'], map: { repression: 'negative', others: null } });
});

test('a project mapping is stored and edited, and must cover every label of the project', async () => {
  const saved = (await backend.dispatch('mappings.save', { projectId: project.id, name: 'MEGC 3 classes', toLabels: ['negative', 'positive', 'surprise'], map: megc })) as LabelMappingInfo;
  expect(saved).toMatchObject({ key: `project:${saved.id}`, editable: true, map: megc });
  const edited = (await backend.dispatch('mappings.save', { projectId: project.id, id: saved.id, name: 'MEGC 3 classes', toLabels: ['negative', 'positive', 'surprise'], map: { ...megc, fear: null } })) as LabelMappingInfo;
  expect(edited.map['fear']).toBeNull();
  const { happiness: _dropped, ...partial } = megc;
  await expect(backend.dispatch('mappings.save', { projectId: project.id, name: 'Broken', toLabels: ['negative', 'positive', 'surprise'], map: partial })).rejects.toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('"happiness" is not mapped'),
  });
  await expect(backend.dispatch('mappings.save', { projectId: project.id, name: 'Broken', toLabels: ['neg'], map: { ...megc } })).rejects.toMatchObject({
    message: expect.stringContaining('"positive" is not one of the target labels (neg)'),
  });
  await backend.dispatch('mappings.delete', { id: saved.id });
  expect(((await backend.dispatch('mappings.list', { projectId: project.id })) as LabelMappingInfo[]).some((m) => m.editable)).toBe(false);
});
