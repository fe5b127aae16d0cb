/**
 * `npm run test:faults -- --trials N [--seed S]`: SIGKILLs the built headless server and its job
 * workers at seeded moments during imports, labelling saves, training and exports, restarts it on
 * the same data directory and checks after every restart that nothing stored was lost or
 * half-written. The last line gives the figures; the exit code says whether all held.
 */
import { deriveSeed, makeRng } from '../../src/shared/domain/random';
import { checkAfterRestart } from './invariants';
import { waitForExit } from './kill-tree';
import { exportScenario } from './scenarios/export';
import { importScenario } from './scenarios/import';
import { labelsScenario } from './scenarios/labels';
import { trainingScenario } from './scenarios/training';
import type { Scenario, TrialContext } from './scenarios/types';
import { startFaultServer, type FaultServer, type Victims } from './server';
import { makeDataDir, prepareFixture } from './setup';
import { newTally, summaryLines, violate, type Kind } from './tally';

const usage = 'Usage: npm run test:faults -- --trials N [--seed S]';

function parseArgs(argv: string[]): { trials: number; seed: number } {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const known = new Set(['--trials', '--seed']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(argv[i - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown[0]}`);
  const trials = Number(value('--trials'));
  if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a whole number of trials, 1 or more');
  const seedText = value('--seed');
  const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  return { trials, seed };
}

/**
 * The kinds in seeded order, in shuffled blocks of seven: two each of the quick kinds and one
 * training trial, which costs as much as several others (it also resumes the run to its end).
 */
const block: Kind[] = ['import', 'import', 'labels', 'labels', 'export', 'export', 'training'];

function kindOrder(trials: number, seed: number): Kind[] {
  const rng = makeRng(deriveSeed(seed, 'kinds'));
  const order: Kind[] = [];
  while (order.length < trials) order.push(...rng.shuffle(block));
  return order.slice(0, trials);
}

async function main(): Promise<number> {
  const { trials, seed } = parseArgs(process.argv.slice(2));
  console.log(`Fault injection: ${trials} trial(s), seed ${seed} (rerun with --seed ${seed})`);
  const started = Date.now();
  const data = makeDataDir();
  const tally = newTally();
  let server: FaultServer = await startFaultServer(data.dataDir);
  const fixture = await prepareFixture(server.client, data.dataDir, data.trainingProjectId);
  const scenarios: Record<Kind, Scenario> = { import: importScenario(), labels: labelsScenario(), training: trainingScenario(), export: exportScenario() };

  for (const [index, kind] of kindOrder(trials, seed).entries()) {
    const trial = index + 1;
    const current = server;
    const rng = makeRng(deriveSeed(seed, trial));
    // Mostly everything at once (a power cut); sometimes the server alone, as the OOM killer
    // would, so its workers must notice and stop before they write after the next start.
    const victims: Victims = rng.chance(0.25) ? 'server' : 'everything';
    tally.victims[victims]++;
    const where = `trial ${trial} (${kind}, killing ${victims === 'server' ? 'the server alone' : 'everything'})`;
    // Once per trial: the scenario kills at its moment, the runner makes sure of it afterwards.
    let killing: Promise<number[]> | undefined;
    const kill = async (): Promise<void> => void (await (killing ??= current.kill(victims)));
    const ctx: TrialContext = { trial, kind, rng, client: current.client, fixture, tally, where, kill };
    tally.trials++;
    tally.perKind[kind].trials++;
    const trialStarted = Date.now();
    const violationsBefore = tally.violations.length;
    try {
      const verify = await scenarios[kind](ctx);
      await kill();
      server = await startFaultServer(data.dataDir);
      // The checks look at what is stored once nothing of the killed server runs any more.
      const stillRunning = await waitForExit((await killing) ?? [], 30_000);
      if (stillRunning.length > 0) violate(tally, null, `${where}: worker process(es) ${stillRunning.join(', ')} still ran 30 s after their server died`);
      checkAfterRestart(data.dataDir, tally, where);
      await verify(server.client);
    } catch (error) {
      violate(tally, null, `${where}: ${(error as Error).stack ?? String(error)}`);
      await current.kill('everything');
      if (server === current) server = await startFaultServer(data.dataDir);
    }
    const found = tally.violations.length - violationsBefore;
    console.log(`${where}: ${found === 0 ? 'ok' : `${found} violation(s)`} (${((Date.now() - trialStarted) / 1000).toFixed(1)} s)`);
  }
  await server.kill('everything');
  const lines = summaryLines(tally);
  console.log(`${trials} trial(s) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (tally.violations.length > 0) {
    console.error(`\n${tally.violations.length} violation(s); the data directory is kept for a look: ${data.dataDir}\n(rerun with --seed ${seed})`);
  } else {
    data.remove();
  }
  for (const line of lines) console.log(line);
  return tally.violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exit(2);
  },
);
