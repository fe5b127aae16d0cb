import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { RunSummary } from '../../../shared/api/training';
import { AblationTable, type DeltaBase } from './AblationTable';
import { ablationLines } from './comparison';
import { ConfounderWarning } from './ConfounderWarning';
import { RepeatsTable } from './RepeatsTable';
import { downloadText } from './exports/download';
import { runsFileName } from './exports/file-names';
import { comparisonCsv } from './exports/results-csv';
import { ablationLatex } from './exports/results-latex';
import { Section } from './Section';
import { useRunsById } from './use-runs-by-id';

interface AblationViewProps {
  runs: readonly RunSummary[];
  groups: readonly string[];
  group: string | null;
  onGroup: (group: string) => void;
  version: string;
}

/** The runs launched together as an ablation matrix, as the paper's Table 5 with differences between rows. */
export function AblationView({ runs, groups, group, onGroup, version }: AblationViewProps) {
  const ids = runs.filter((r) => r.group === group).map((r) => r.id);
  const loaded = useRunsById(ids, version);
  const [base, setBase] = useState<DeltaBase>('first');
  if (group === null) return <Typography color="text.secondary">No runs were launched together as a group (an ablation matrix) in this project.</Typography>;
  const lines = loaded.runs ? ablationLines(loaded.runs) : null;
  const title = `Ablation matrix ${group}`;
  const actions = (
    <>
      <TextField select label="Group" value={group} onChange={(e) => onGroup(e.target.value)} sx={{ width: 220 }} fullWidth={false}>
        {groups.map((g) => (
          <MenuItem key={g} value={g}>
            {g}
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup size="small" exclusive value={base} onChange={(_, v: DeltaBase | null) => v && setBase(v)} aria-label="Differences against">
        <ToggleButton value="first">Δ vs first row</ToggleButton>
        <ToggleButton value="previous">Δ vs previous row</ToggleButton>
      </ToggleButtonGroup>
      <Button variant="outlined" disabled={!loaded.runs} onClick={() => loaded.runs && downloadText(runsFileName(group, ids, 'csv'), comparisonCsv(lines!.map((l) => l.run)), 'text/csv')}>
        CSV
      </Button>
      <Button variant="outlined" disabled={!loaded.runs} onClick={() => loaded.runs && downloadText(runsFileName(group, ids, 'tex'), ablationLatex(loaded.runs, title), 'application/x-tex')}>
        LaTeX table
      </Button>
    </>
  );
  return (
    <Section title={title} actions={actions} testId="ablation-view">
      {loaded.error && <Alert severity="error">{loaded.error.message}</Alert>}
      {!lines && !loaded.error && <LinearProgress aria-label="Loading the runs" />}
      {loaded.runs && <ConfounderWarning runs={loaded.runs} />}
      {lines && <AblationTable lines={lines} base={base} />}
      {loaded.runs && <RepeatsTable runs={loaded.runs} />}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
        Rows in the order of the paper’s Table 5 (MODEL.md). Pooled accuracy, UF1 and UAR as in MEGC 2019; accuracy differences in percentage points. Runs are comparable only when they share data, protocol and folds; repeats differ only in their seed (SD over runs, n − 1).
      </Typography>
    </Section>
  );
}
