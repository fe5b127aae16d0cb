import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgreementReport, Annotator, LabelEvent } from '../../src/shared/api/events';
import type { Project } from '../../src/shared/api/projects';
import { createTestBackend, tempDir } from '../helpers/backend';
import { insertRecording } from '../helpers/fixtures';
import { mer } from '../helpers/cli';

const dataDir = tempDir();
let backend: ReturnType<typeof createTestBackend>;
let project: Project;
let recordingId: number;
let ana: Annotator;
let ben: Annotator;
const made: LabelEvent[] = [];

beforeAll(async () => {
  backend = createTestBackend({ dataDir });
  project = (await backend.dispatch('projects.create', { name: 'Double' })) as Project;
  recordingId = insertRecording(backend, project.id, null, { count: 300 });
  ana = (await backend.dispatch('annotators.create', { name: 'Ana' })) as Annotator;
  ben = (await backend.dispatch('annotators.create', { name: 'Ben' })) as Annotator;
  const code = async (annotatorId: number, onset: number, apex: number | null, offset: number, emotion: string, aus: string) => {
    made.push((await backend.dispatch('events.create', { recordingId, annotatorId, onset, apex, offset, emotion, aus })) as LabelEvent);
  };
  await code(ana.id, 10, 15, 20, 'happiness', '6+12');
  await code(ben.id, 12, 16, 20, 'happiness', 'R12');
  await code(ana.id, 40, 44, 50, 'surprise', '1+2+5');
  await code(ben.id, 41, null, 52, 'fear', '1+2+4');
  await code(ana.id, 200, 205, 210, 'anger', '4+7');
});
afterAll(async () => backend.dispose());

test('the agreement report matches events by overlap and measures frames, emotions and AUs', async () => {
  const report = (await backend.dispatch('agreement.report', { projectId: project.id })) as AgreementReport;
  expect(report.pairs).toHaveLength(1);
  const [pair] = report.pairs;
  expect(pair).toMatchObject({ a: { name: 'Ana' }, b: { name: 'Ben' }, emotionAgreement: 0.5 });
  expect(pair!.matched.map((m) => [m.onsetDiff, m.apexDiff, m.offsetDiff, m.emotionA, m.emotionB])).toEqual([
    [-2, -1, 0, 'happiness', 'happiness'],
    [-1, null, -2, 'surprise', 'fear'],
  ]);
  expect(pair!.onlyA.map((e) => e.onset)).toEqual([200]);
  expect(pair!.onset).toEqual({ mean: 1.5, max: 2, n: 2 });
  // 6+12 vs R12 (side does not matter) → 2·1/3; 1+2+5 vs 1+2+4 → 2·2/6; pooled 2·3/9
  expect(pair!.matched[0]!.facsAgreement).toBeCloseTo(2 / 3, 10);
  expect(pair!.facsAgreement).toBeCloseTo(6 / 9, 10);
  expect(report.overall.eventsMatched).toBe(2);
});

test('adjudication makes a consensus event whose fields name their source', async () => {
  const [a, b] = [made[2]!, made[3]!];
  const consensus = (await backend.dispatch('events.adjudicate', {
    aId: a.id, bId: b.id, annotatorId: ana.id, pick: { onset: 'b', apex: 'a', offset: 'b', emotion: 'a', aus: 'b' },
  })) as LabelEvent;
  expect(consensus).toMatchObject({ annotatorName: 'consensus', onset: 41, apex: 44, offset: 52, emotion: 'surprise', aus: '1+2+4' });
  expect(consensus.provenance).toEqual({ onset: `Ben (event ${b.id})`, apex: `Ana (event ${a.id})`, offset: `Ben (event ${b.id})`, emotion: `Ana (event ${a.id})`, aus: `Ben (event ${b.id})` });
  await expect(backend.dispatch('events.adjudicate', { aId: a.id, bId: made[4]!.id, annotatorId: ana.id, pick: { onset: 'a', apex: 'a', offset: 'a', emotion: 'a', aus: 'a' } })).rejects.toMatchObject({ message: expect.stringContaining('same coder') });
  const onlyCoders = (await backend.dispatch('agreement.report', { projectId: project.id, annotatorIds: [ana.id, ben.id] })) as AgreementReport;
  expect(onlyCoders.pairs).toHaveLength(1);
});

test('npm run mer -- agreement prints the report and the pooled figures last', async () => {
  await backend.close();
  const run = mer(['agreement', '--data-dir', dataDir, '--project', 'Double', '--annotators', 'Ana,Ben']);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Ana vs Ben: 2 events matched, 1 only by Ana, 0 only by Ben/);
  expect(run.json()).toEqual({ events_matched: 2, emotion_kappa: 0.3333, facs_agreement: 0.6667 });
  backend = createTestBackend({ dataDir });
});
