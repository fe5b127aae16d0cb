import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEventPrediction, type EventPrediction } from './use-event-prediction';

const folderValue = 'folder';
const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

function ModelPicker({ x }: { x: EventPrediction }) {
  const { choice } = x;
  const modelValue = choice.kind === 'folder' ? folderValue : choice.runId === null ? '' : String(choice.runId);
  return (
    <Stack spacing={1}>
      <TextField
        select
        size="small"
        label="Model"
        value={modelValue}
        onChange={(e) => x.setChoice(e.target.value === folderValue ? { kind: 'folder', folder: '' } : { kind: 'run', runId: Number(e.target.value), fold: null })}
      >
        {x.runs.map((r) => (
          <MenuItem key={r.id} value={String(r.id)}>
            Run #{r.id} · {r.name}
          </MenuItem>
        ))}
        <MenuItem value={folderValue}>A TensorFlow.js model folder…</MenuItem>
      </TextField>
      {choice.kind === 'run' && choice.runId !== null && (
        <TextField select size="small" label="Fold" value={choice.fold === null ? '' : String(choice.fold)} onChange={(e) => x.setChoice({ ...choice, fold: Number(e.target.value) })}>
          {x.folds.length === 0 && (
            <MenuItem value="" disabled>
              No fold of this run has finished
            </MenuItem>
          )}
          {x.folds.map((f) => (
            <MenuItem key={f.fold} value={String(f.fold)}>
              {f.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {choice.kind === 'folder' && (
        <TextField
          size="small"
          label="Model folder (holding model.json)"
          value={choice.folder}
          onChange={(e) => x.setChoice({ kind: 'folder', folder: e.target.value })}
          helperText="A folder saved by “Save model (TensorFlow.js)…”, on the backend’s machine"
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      )}
    </Stack>
  );
}

function Probabilities({ x }: { x: EventPrediction }) {
  const result = x.result!;
  return (
    <Stack spacing={0.75} data-testid="prediction-result">
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Typography variant="body2">
          Predicted: <b data-testid="predicted-class">{result.predicted}</b>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Human label: <b data-testid="human-label">{result.humanLabel ?? 'not a class of the model (dropped by its mapping)'}</b>
        </Typography>
      </Stack>
      <Box component="table" aria-label="Class probabilities" sx={{ borderCollapse: 'collapse', width: '100%', '& td': { py: 0.25, fontSize: 13 } }}>
        <tbody>
          {x.classes.map((c, i) => {
            const p = result.probabilities[i] ?? 0;
            const strong = c === result.predicted;
            return (
              <Box component="tr" key={c} data-testid="probability-row" sx={{ fontWeight: strong ? 600 : 400 }}>
                <td style={{ width: '35%' }}>{c}</td>
                <td>
                  <LinearProgress variant="determinate" value={p * 100} color={strong ? 'primary' : 'inherit'} sx={{ height: 6, borderRadius: 3 }} aria-label={`${c} probability`} />
                </td>
                <td style={{ width: '20%', textAlign: 'right' }}>{percent(p)}</td>
              </Box>
            );
          })}
        </tbody>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {x.model}
      </Typography>
    </Stack>
  );
}

/** Under the selected event: a trained model's prediction for it, beside the human label. */
export function PredictionSection({ projectId, eventId }: { projectId: number; eventId: number }) {
  const x = useEventPrediction(projectId, eventId);
  return (
    <Stack spacing={1.25} data-testid="prediction-section" component="section" aria-label="Model prediction">
      <Divider />
      <Typography variant="subtitle2">Model prediction</Typography>
      <ModelPicker x={x} />
      <Box>
        <Button variant="outlined" disabled={x.source === null} loading={x.starting || x.running} onClick={() => void x.predict()}>
          Predict this event
        </Button>
      </Box>
      {x.running && <LinearProgress variant="determinate" value={x.progress * 100} aria-label="Predicting" />}
      {x.error && <Alert severity="error">{x.error}</Alert>}
      {x.result && <Probabilities x={x} />}
    </Stack>
  );
}
