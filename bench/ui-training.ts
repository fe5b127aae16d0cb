import { chromium } from 'playwright-core';
import { makeTrainingProject, tinyConfig } from '../test/helpers/training-project';
import { startServerProcess } from '../test/helpers/server-process';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const measureSeconds = 25;

interface Measurement {
  deltas: number[];
  longTasks: number[];
  /** Changes to the run view's DOM during the window: the streamed progress being drawn. */
  mutations: number;
}

/**
 * The page's side, as a script string (the bench runs under tsx, whose helpers do not exist in the
 * page): requestAnimationFrame deltas, long tasks and DOM changes of the run view for the window.
 */
const measureScript = (seconds: number) => `(async () => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask', buffered: false });
  let mutations = 0;
  const watcher = new MutationObserver((records) => { mutations += records.length; });
  watcher.observe(document.querySelector('[data-testid="run-view"]'), { subtree: true, childList: true, characterData: true, attributes: true });
  const deltas = [];
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + ${seconds * 1000};
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  observer.disconnect();
  watcher.disconnect();
  return { deltas, longTasks, mutations };
})()`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Frame times of the live run view while a training run streams its progress: the built server
 * trains a tiny but long run (the cpu backend, so both cores are busy as in a real run), Chromium
 * shows `#/train/<run>`, and requestAnimationFrame deltas are collected for 25 s.
 */
export async function benchUiTraining(): Promise<string> {
  const project = makeTrainingProject();
  project.db.close();
  const server = await startServerProcess(['--data-dir', project.dataDir, '--port', '0']);
  const origin = new URL(server.url).origin;
  const call = async <T>(method: string, args: object): Promise<T> => {
    const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(args) });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.result === undefined) throw new Error(`${method}: ${body.error?.message ?? response.status}`);
    return body.result;
  };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  let jobId: number | null = null;
  try {
    // Enough epochs to outlast the window many times over; it is cancelled afterwards.
    const config = tinyConfig(project.projectId, { training: { epochs: [40, 40, 40, 40], batchSize: 4, learningRate: 0.01 } });
    jobId = (await call<{ id: number }>('jobs.start', { kind: 'training.run', params: { config, name: 'ui bench' } })).id;
    let runId: number | undefined;
    for (let i = 0; i < 600 && runId === undefined; i++) {
      runId = (await call<{ id: number }[]>('training.runs.list', { projectId: project.projectId }))[0]?.id;
      if (runId === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (runId === undefined) throw new Error('the training job made no run');
    // Measure while epochs stream, not while the clips are still being prepared.
    for (let i = 0; i < 1200 && (await call<unknown[]>('training.runs.epochs', { id: runId })).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.goto(`${origin}/#/train/${runId}`);
    await page.getByTestId('run-view').waitFor();
    const before = await call<{ progress: number; status: string }>('jobs.get', { id: jobId });
    const m = (await page.evaluate(measureScript(measureSeconds))) as Measurement;
    const after = await call<{ progress: number; status: string }>('jobs.get', { id: jobId });
    if (after.status !== 'running') throw new Error(`the training run ended (${after.status}) before the measurement did; give it more epochs`);

    const sorted = [...m.deltas].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const longTotal = m.longTasks.reduce((a, b) => a + b, 0);
    console.log(
      `run view #/train/${runId} for ${measureSeconds} s while training (cpu backend): ${m.mutations} DOM changes, job progress ${(before.progress * 100).toFixed(1)} % → ${(after.progress * 100).toFixed(1)} %; ` +
        `${m.longTasks.length} long tasks (${longTotal.toFixed(0)} ms in all); worst frame ${sorted[sorted.length - 1]!.toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
    );
    return `ui-training frames=${m.deltas.length} p50_ms=${p50.toFixed(1)} p95_ms=${p95.toFixed(1)}`;
  } finally {
    await browser.close();
    if (jobId !== null) await call('jobs.cancel', { id: jobId }).catch(() => undefined);
    server.child.kill('SIGINT');
    await server.exited;
    project.dispose();
  }
}
