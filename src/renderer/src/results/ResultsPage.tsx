import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AblationView } from './AblationView';
import { CompareView } from './CompareView';
import { RunsTable } from './RunsTable';
import { RunView } from './RunView';
import { useResults } from './use-results';
import { NoProjectsPage } from '../common/NoProjectsPage';

/** Training results: a run in full, runs side by side, and ablation matrices as the paper's Table 5. */
export function ResultsPage() {
  const r = useResults();
  const runs = r.runs.data ?? [];
  const openRun = runs.find((run) => run.id === r.openRunId);
  // Summaries change when a training job starts or ends; views of several runs re-read them then.
  const version = runs.map((run) => `${run.id}:${run.status}`).join(',');

  if (r.projects.data && r.projects.data.length === 0) {
    return <NoProjectsPage title="Results" hint="create one in the Library, label events and train on them; the results appear here." />;
  }
  return (
    <Stack spacing={2} data-testid="results-page">
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">Results</Typography>
        <Typography color="text.secondary">Training runs: metrics per fold and pooled (MEGC 2019), confusion matrices, curves, comparisons and ablation matrices, and their downloads.</Typography>
      </Stack>
      <Paper sx={{ p: 1.5 }}>
        <Stack spacing={1.5}>
          <TextField select label="Project" value={r.project?.id ?? ''} onChange={(e) => r.selectProject(Number(e.target.value))} sx={{ width: 260 }} fullWidth={false}>
            {(r.projects.data ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          {r.runs.error && <Alert severity="error">{r.runs.error.message}</Alert>}
          <Box sx={{ height: 2 }}>{r.runs.loading && <LinearProgress aria-label="Loading the runs" />}</Box>
          {r.runs.data && runs.length === 0 && <Typography color="text.secondary">No training runs in this project yet: start one on the Train page.</Typography>}
          {runs.length > 0 && <RunsTable runs={runs} openRunId={r.openRunId} checked={r.checked} onOpen={r.openRun} onToggle={r.toggleChecked} onOpenGroup={r.openGroup} />}
        </Stack>
      </Paper>
      {runs.length > 0 && (
        <>
          <Tabs value={r.tab} onChange={(_, tab: typeof r.tab) => r.setTab(tab)} aria-label="Results view">
            <Tab value="run" label="Run" />
            <Tab value="compare" label={`Compare (${r.checked.length})`} />
            <Tab value="ablation" label="Ablation matrix" />
          </Tabs>
          {r.tab === 'run' && r.openRunId !== null && <RunView runId={r.openRunId} liveKey={r.liveKey(openRun?.jobId ?? null)} />}
          {r.tab === 'compare' && <CompareView runIds={r.checked} version={version} />}
          {r.tab === 'ablation' && <AblationView runs={runs} groups={r.groups} group={r.group} onGroup={r.openGroup} version={version} />}
        </>
      )}
    </Stack>
  );
}
