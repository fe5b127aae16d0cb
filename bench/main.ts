/** `npm run bench -- <name>`: benchmarks that print figures (never pass/fail). */
const benches: Record<string, () => Promise<string>> = {
  import: async () => (await import('./import')).benchImport(),
  scrub: async () => (await import('./scrub')).benchScrub(),
  labels: async () => (await import('./labels')).benchLabels(),
  dataset: async () => (await import('./dataset')).benchDataset(),
  conv3d: async () => (await import('./conv3d')).benchConv3d(),
  'train-step': async () => (await import('./train-step')).benchTrainStep(),
  'project-archive': async () => (await import('./project-archive')).benchProjectArchive(),
  diagnostics: async () => (await import('./diagnostics')).benchDiagnostics(),
  'ui-training': async () => (await import('./ui-training')).benchUiTraining(),
  load: async () => (await import('./load')).benchLoad(),
};

const benchName = process.argv[2] ?? '';
const bench = benches[benchName];
if (!bench) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
bench().then(
  (line) => {
    console.log(line);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
