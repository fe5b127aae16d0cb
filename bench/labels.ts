import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabelEvent } from '../src/shared/api/events';
import { defaultLabelSet } from '../src/shared/api/projects';
import { auNumbers, parseAus } from '../src/shared/domain/facs';
import { createBackend } from '../src/main/core/backend';
import { openDataDir } from '../src/main/cli/data-access';
import { createEventsRepository } from '../src/main/core/db/repositories/events';
import { createProjectsRepository } from '../src/main/core/db/repositories/projects';
import { createRecordingsRepository } from '../src/main/core/db/repositories/recordings';
import { createForkJobHost } from '../src/main/core/jobs/fork-host';
import { startServer } from '../src/main/server/http-server';

const token = 'bench-token-0123456789abcdef';
const recordingsCount = 100;
const eventsCount = 10_000;
const frames = 3000;
const ausChoices = ['6+12', '1+2+5', '9+10', '1+4+15', '1+2+4+20', '4+7+23', 'R12', 'L14+17'];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * xs.length)] ?? NaN;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.5 * xs.length)] ?? NaN;

function seed(dataDir: string): { projectId: number; recordingIds: number[]; annotatorId: number } {
  const session = openDataDir(dataDir);
  const projectId = createProjectsRepository(session.db).insert({ name: 'Bench', labelSet: [...defaultLabelSet], defaultFps: 50 });
  const recordings = createRecordingsRepository(session.db);
  const events = createEventsRepository(session.db);
  const ids = session.db.transaction(() => {
    const recordingIds = Array.from({ length: recordingsCount }, (_, i) =>
      recordings.insert({
        projectId, sessionId: null, subjectId: null, name: `rec${i}`, stimulus: '', sourceKind: 'video', sourcePath: '/none', contentHash: `h${i}`,
        fpsNum: 50, fpsDen: 1, width: 1024, height: 1024, frameCount: frames, firstFrame: 0, missingFrames: [], frameFormat: 'jpg',
        mediaPath: `recordings/bench-${i}`, previewsPerSheet: 10, codec: null, rotation: 0, durationSec: frames / 50,
      }),
    );
    const annotatorId = events.annotatorId('bench coder');
    for (let i = 0; i < eventsCount; i++) {
      const onset = Math.floor(Math.random() * (frames - 30));
      const aus = ausChoices[i % ausChoices.length]!;
      events.insert({
        recordingId: recordingIds[i % recordingsCount]!, annotatorId, subjectId: null, onset, apex: onset + 5, offset: onset + 15,
        emotion: defaultLabelSet[i % defaultLabelSet.length]!, objectiveClass: null, auRaw: aus, auNumbers: auNumbers(parseAus(aus), 'union'),
        auUnparsed: false, notes: '', uncertain: false, provenance: null,
      });
    }
    return { recordingIds, annotatorId };
  })();
  session.close(false);
  return { projectId, ...ids };
}

/** Save and filtered-list latency through the server on a project of 10,000 events and 100 recordings. */
export async function benchLabels(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-bench-labels-'));
  const { projectId, recordingIds, annotatorId } = seed(dataDir);
  const backend = createBackend({ dataDir, host: 'server', jobHost: createForkJobHost({ entry: path.resolve(__dirname, '../out/main/worker.js') }) });
  const server = await startServer({ backend, token, host: '127.0.0.1', port: 0, staticDir: path.resolve(__dirname, '../out/renderer') });
  const call = async <T>(method: string, args: object): Promise<[T, number]> => {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { result: T; error?: { message: string } };
    if (!res.ok) throw new Error(`${method}: ${body.error?.message}`);
    return [body.result, performance.now() - t0];
  };
  try {
    const saves: number[] = [];
    const lists: number[] = [];
    for (let i = 0; i < 300; i++) {
      const recordingId = recordingIds[i % recordingsCount]!;
      const onset = 10 + (i % 200) * 10;
      const [created, tCreate] = await call<LabelEvent>('events.create', { recordingId, annotatorId, onset, apex: onset + 4, offset: onset + 12, emotion: 'surprise', aus: '1+2+5' });
      const [, tUpdate] = await call<LabelEvent>('events.update', { id: created.id, annotatorId, version: created.version, emotion: 'fear', aus: '1+2+4+20' });
      saves.push(tCreate, tUpdate);
      const filters = [{ recordingId }, { projectId, emotion: 'fear' }, { projectId, au: 12 }, { projectId, status: 'flagged' }][i % 4]!;
      const [, tList] = await call('events.list', { ...filters, limit: 50, offset: (i * 50) % 500 });
      lists.push(tList);
    }
    console.log(`${eventsCount} events on ${recordingsCount} recordings; 600 saves (create + update), 300 filtered list pages of 50 (by recording, emotion, AU, status)`);
    console.log(`save p50 ${p50(saves).toFixed(1)} ms; list p50 ${p50(lists).toFixed(1)} ms`);
    const total = createEventsRepository((await import('../src/main/core/db/connection')).openDatabase(path.join(dataDir, 'workstation.sqlite'))).countInProject(projectId);
    return `labels save_p95_ms=${p95(saves).toFixed(1)} list_p95_ms=${p95(lists).toFixed(1)} events=${total}`;
  } finally {
    await server.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
