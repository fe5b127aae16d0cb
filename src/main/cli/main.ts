/** `npm run mer -- <command>`: the workstation from the command line, for scripts and checks. */
import { parseArgs } from 'node:util';
import { openDataDir } from './data-access';
import { agreementCommand } from './agreement-command';
import { backupCommand, restoreCommand } from './backup-command';
import { exportCommand } from './export-command';
import { importDatasetCommand } from './import-dataset-command';
import { importVideoCommand } from './import-video-command';
import { runLocalJob } from './local-job';
import { exportProjectCommand, importProjectCommand } from './project-archive-command';
import { exportModelCommand } from './model-command';
import { loadRun, predictCommand, resultsTable, trainCommand } from './train-command';
import { defaultDataDir } from '../core/data-dir';

const usage = `Usage: npm run mer -- <command> [options]

  demo --data-dir DIR [--small]
      Creates the demo project (idempotent) and prints {"project", "subjects", "recordings", "events"}.
  agreement --data-dir DIR --project NAME [--annotators A,B]
      Prints the agreement report of the project's coders, then
      {"events_matched", "emotion_kappa", "facs_agreement"} (pooled over coder pairs).
  import-video --data-dir DIR --project NAME [--subject CODE] [--stimulus CODE] [--png] FILE
      Imports one video (project and subject are created if missing) and prints
      {"recording", "frames", "fps", "width", "height"}.
  import-dataset --data-dir DIR --project NAME --root ROOT [--sheet FILE]
                 [--format casme2|samm|smic|mmew|casme3|generic] [--fps N] [--dry-run]
                 [--map subject=COL,clip=COL,onset=COL,apex=COL,offset=COL,aus=COL,emotion=COL]
                 [--folders '{subject}/{clip}'] [--headerless]
      Imports a dataset (format recognised from the sheet; SMIC needs no sheet; generic needs
      --map) into the project (created if missing, with the dataset's label set). Prints the
      import report, the skipped rows with their reasons, then
      {"subjects", "recordings", "events", "missing_apex", "flagged", "skipped"}.

  export --data-dir DIR --project NAME --protocol kfold|loso|megc|lodo|holdout|kfold-subject-dependent
         [--folds K] [--seed S] [--mapping KEY] [--frames [--crop] [--size N]] --out DIR
      Writes the split (manifest.json, per-fold CSVs, the MEGC file, frames with --frames) and
      prints {"folds", "samples", "subjects", "leaks"}. --crop cuts the frames to each recording's
      face box (recordings without one are copied whole; manifest.json names them); --size N
      resizes them to N x N pixels (16 to 2048). Either writes the frames as JPEG.

  train --data-dir DIR --project NAME --preset lite|paper [--config FILE]
        [--protocol kfold|loso|megc] [--folds K] [--seed S] [--epochs-scale F]
        [--backend auto|tensorflow-gpu|tensorflow|wasm|cpu]
  train --data-dir DIR --resume RUN
      Trains MENet/IDNet/MINE (MODEL.md) on the project's events, or resumes an interrupted run from
      its last checkpoint; prints the results table, then {"run", "backend", "accuracy", "uf1", "uar"}.
      --config is a JSON run configuration (as the Train page saves); flags override it.
  evaluate --data-dir DIR --run RUN
      Prints a run's results table (per fold, pooled, confusion matrix) and the same last line.
  predict --data-dir DIR --run RUN
      Predicts every event of the run's data with its fold models (probabilities averaged) and
      prints one line per event, then {"run", "models", "events", "agreement"}. Fold models saw
      their training events: use the run's results for held-out figures.
  export-model --data-dir DIR --run RUN [--fold N[,N...]] --out DIR
      Saves the run's fold models (all finished folds, or the 1-based folds given) in the
      TensorFlow.js format: OUT/fold-N/model.json + weight shards. Prints {"dir", "models", "bytes"}.

  export-project --data-dir DIR --project NAME --out FILE
      Writes the whole project (rows, frames, training runs) into one archive FILE (.merproj is
      added when missing; an existing file is never overwritten) that another workstation opens
      with import-project. Prints {"file", "bytes", "recordings", "events", "runs"}.
  import-project --data-dir DIR FILE
      Opens a .merproj archive as a new project ("Name (2)" when the name is taken); all or
      nothing. Prints {"project", "archivedAs", "recordings", "events", "runs"}.

  backup --data-dir DIR
      Backs up the database, the frames and the run folders into DIR/backups/<name> (as the app's
      "Back up now") and prints {"backup", "dir", "bytes"}.
  restore --data-dir DIR --backup NAME
      Verifies the backup, keeps the current data as a "before-restore" backup, then replaces the
      data with the backup's; prints {"restored", "safetyBackup"}. Close the app first.

--data-dir defaults to ${defaultDataDir()}. Progress goes to stderr; the result is the last line on stdout.`;

async function main(argv: string[]): Promise<object | null> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      project: { type: 'string' },
      subject: { type: 'string' },
      stimulus: { type: 'string' },
      png: { type: 'boolean' },
      small: { type: 'boolean' },
      annotators: { type: 'string' },
      root: { type: 'string' },
      sheet: { type: 'string' },
      format: { type: 'string' },
      fps: { type: 'string' },
      'dry-run': { type: 'boolean' },
      map: { type: 'string' },
      folders: { type: 'string' },
      headerless: { type: 'boolean' },
      protocol: { type: 'string' },
      folds: { type: 'string' },
      seed: { type: 'string' },
      mapping: { type: 'string' },
      out: { type: 'string' },
      frames: { type: 'boolean' },
      crop: { type: 'boolean' },
      size: { type: 'string' },
      preset: { type: 'string' },
      config: { type: 'string' },
      'epochs-scale': { type: 'string' },
      backend: { type: 'string' },
      resume: { type: 'string' },
      run: { type: 'string' },
      backup: { type: 'string' },
      fold: { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return null;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const session = openDataDir(values['data-dir'] ?? defaultDataDir());
  let failed = true;
  try {
    let result: object;
    if (command === 'demo') {
      const out = await runLocalJob(session.dataDir, 'demo.create', { scale: values.small ? 'small' : 'full' }, controller.signal);
      const r = out.result as { project: string; subjects: number; recordings: number; events: number };
      result = { project: r.project, subjects: r.subjects, recordings: r.recordings, events: r.events };
    } else if (command === 'agreement') {
      if (!values.project) throw new Error('agreement needs --project NAME');
      result = agreementCommand(session, values.project, values.annotators?.split(',').map((a) => a.trim()), (line) => console.log(line));
    } else if (command === 'import-video') {
      const file = positionals[0];
      if (!file || !values.project) throw new Error('import-video needs --project NAME and a FILE');
      result = await importVideoCommand(session, { project: values.project, subject: values.subject, stimulus: values.stimulus, png: values.png ?? false, file }, controller.signal);
    } else if (command === 'import-dataset') {
      if (!values.project || !values.root) throw new Error('import-dataset needs --project NAME and --root ROOT (and --sheet FILE, except for SMIC)');
      result = await importDatasetCommand(
        session,
        {
          project: values.project,
          root: values.root,
          sheet: values.sheet,
          format: values.format,
          fps: values.fps,
          dryRun: values['dry-run'] ?? false,
          map: values.map,
          folders: values.folders,
          headerless: values.headerless ?? false,
        },
        controller.signal,
        (line) => console.log(line),
      );
    } else if (command === 'export') {
      if (!values.project || !values.out) throw new Error('export needs --project NAME and --out DIR');
      const { protocol, folds, seed, mapping, out } = values;
      const frames = { frames: values.frames ?? false, crop: values.crop ?? false, size: values.size };
      result = await exportCommand(session, { project: values.project, protocol, folds, seed, mapping, out, ...frames }, controller.signal, (line) => console.log(line));
    } else if (command === 'train') {
      const { project, preset, config, protocol, folds, seed, backend, resume } = values;
      result = await trainCommand(session, { project, preset, config, protocol, folds, seed, epochsScale: values['epochs-scale'], backend, resume }, controller.signal, (line) => console.log(line));
    } else if (command === 'evaluate') {
      if (!values.run) throw new Error('evaluate needs --run RUN');
      const run = loadRun(session, Number(values.run));
      for (const line of resultsTable(run)) console.log(line);
      result = { run: run.id, backend: run.backend?.name ?? null, accuracy: run.pooled?.accuracy ?? null, uf1: run.pooled?.uf1 ?? null, uar: run.pooled?.uar ?? null };
    } else if (command === 'predict') {
      if (!values.run) throw new Error('predict needs --run RUN');
      result = await predictCommand(session, Number(values.run), controller.signal, (line) => console.log(line));
    } else if (command === 'export-model') {
      result = await exportModelCommand(session, { run: values.run, fold: values.fold, out: values.out }, controller.signal);
    } else if (command === 'export-project') {
      if (!values.project || !values.out) throw new Error('export-project needs --project NAME and --out FILE');
      result = await exportProjectCommand(session, { project: values.project, out: values.out }, controller.signal);
    } else if (command === 'import-project') {
      const file = positionals[0];
      if (!file) throw new Error('import-project needs the archive FILE');
      result = await importProjectCommand(session, file, controller.signal);
    } else if (command === 'backup') {
      result = await backupCommand(session, controller.signal);
    } else if (command === 'restore') {
      if (!values.backup) throw new Error('restore needs --backup NAME (a folder name under DIR/backups)');
      result = restoreCommand(session, values.backup);
    } else {
      throw new Error(`Unknown command "${command}"; try: npm run mer -- help`);
    }
    failed = false;
    return result;
  } finally {
    session.close(failed);
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result) console.log(JSON.stringify(result));
  },
  (error: unknown) => {
    // One line, naming the problem: scripts read it.
    console.error((error instanceof Error ? error.message : String(error)).split('\n')[0]);
    process.exit(1);
  },
);
