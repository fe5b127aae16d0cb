import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDuration, type Level } from './run-progress';
import type { RunViewState } from './use-run-view';

function remainingText(level: Level, live: boolean): string {
  if (level.done >= level.total) return 'done';
  if (!live) return `${level.total - level.done} epochs not trained`;
  if (level.remainingSeconds === null) return 'time left: known after the first epoch';
  return `about ${formatDuration(level.remainingSeconds)} left`;
}

function LevelBar({ name, title, level, elapsed, live }: { name: string; title: string; level: Level; elapsed: string; live: boolean }) {
  const percent = level.total === 0 ? 100 : Math.round((100 * level.done) / level.total);
  return (
    <Stack spacing={0.5} data-testid={`progress-${name}`}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
        <Typography sx={{ fontWeight: 600, flex: 1 }} data-testid={`progress-${name}-title`}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {level.done} of {level.total} epochs · {elapsed} · {remainingText(level, live)}
        </Typography>
      </Stack>
      <LinearProgress variant="determinate" value={percent} aria-label={`${name} progress`} sx={{ height: 8, borderRadius: 4 }} />
    </Stack>
  );
}

/**
 * Run, fold and stage as three bars of epochs. The remaining time is the measured seconds per
 * epoch of each stage times the epochs left: data preparation and evaluation are not in it.
 */
export function RunProgressPanel({ v }: { v: RunViewState }) {
  const { position, folds, active } = v;
  if (!position) return <Typography color="text.secondary">Reading the run’s epochs…</Typography>;
  const count = folds.known ? ` of ${folds.folds.length}` : '';
  const runElapsed = v.jobSeconds !== null ? `running for ${formatDuration(v.jobSeconds)}` : `epochs took ${formatDuration(position.run.seconds)}`;
  return (
    <Stack spacing={1.5} data-testid="run-progress">
      <LevelBar name="run" title={folds.known ? `Run: ${folds.folds.length} folds` : 'Run'} level={position.run} elapsed={runElapsed} live={active} />
      {position.fold && (
        <LevelBar name="fold" title={`Fold ${position.fold.position + 1}${count}: ${position.fold.name}`} level={position.fold} elapsed={`epochs took ${formatDuration(position.fold.seconds)}`} live={active} />
      )}
      {position.stage && (
        <LevelBar
          name="stage"
          title={`Stage ${position.stage.plan.stage} (${position.stage.plan.trains === 'menet' ? 'MENet' : 'IDNet'}), epoch ${position.stage.epoch} of ${position.stage.total}`}
          level={position.stage}
          elapsed={`epochs took ${formatDuration(position.stage.seconds)}`}
          live={active}
        />
      )}
      {position.fold && !position.stage && active && <Typography color="text.secondary">Every epoch of this fold is done: predicting its test samples.</Typography>}
    </Stack>
  );
}
