import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { AttentionSample } from '../../../shared/api/training-diagnostics';
import { useApiQuery } from '../api/use-api-query';
import { AttentionFrame } from './AttentionFrame';
import { attentionScale, heatColour, sampleCaption } from './attention-overlay';

/** The sample's frames, once its recording (where the frames live) is known. */
function SampleFrames({ sample, opacity }: { sample: AttentionSample; opacity: number }) {
  const recording = useApiQuery('recordings.get', { id: sample.recordingId });
  if (recording.error) return <Alert severity="warning">The frames of this sample cannot be shown: {recording.error.message}</Alert>;
  if (!recording.data) return <LinearProgress aria-label="Loading the sample's recording" />;
  const scale = attentionScale(sample.maps);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }} data-testid="attention-frames">
      {sample.frames.map((frame, t) => (
        <AttentionFrame key={t} recording={recording.data!} frame={frame} step={t} crop={sample.crop} map={sample.maps[t] ?? []} height={sample.height} width={sample.width} scale={scale} opacity={opacity} />
      ))}
    </Box>
  );
}

const legend = `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((v) => `rgb(${heatColour(v).join(',')})`).join(', ')})`;

/** DAO's spatial attention over a few test samples of one fold, as heat maps over their face-cropped frames. */
export function AttentionOverlay({ runId, fold, foldName, classes }: { runId: number; fold: number; foldName: string; classes: readonly string[] }) {
  const attention = useApiQuery('training.runs.attention', { id: runId, fold });
  const [chosen, setChosen] = useState(0);
  const [opacity, setOpacity] = useState(0.6);
  const opacityLabel = useId();
  if (attention.error) return <Alert severity="error">{attention.error.message}</Alert>;
  if (!attention.data) return <LinearProgress aria-label="Loading the attention maps" />;
  const { samples } = attention.data;
  if (samples.length === 0) return <Typography color="text.secondary">{foldName} kept no attention maps.</Typography>;
  const sample = samples[Math.min(chosen, samples.length - 1)]!;
  return (
    <Stack spacing={1.5} data-testid="attention-overlay">
      <Stack direction="row" sx={{ gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select label="Test sample" value={samples.indexOf(sample)} onChange={(e) => setChosen(Number(e.target.value))} sx={{ minWidth: 320 }} fullWidth={false}>
          {samples.map((s, i) => (
            <MenuItem key={s.eventId} value={i}>
              {sampleCaption(s, classes)}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ width: 220 }}>
          <Typography variant="caption" color="text.secondary" id={opacityLabel}>
            Overlay opacity {Math.round(opacity * 100)} %
          </Typography>
          <Slider size="small" min={0} max={1} step={0.05} value={opacity} onChange={(_e, v) => setOpacity(v as number)} aria-labelledby={opacityLabel} />
        </Box>
        <Stack spacing={0.5}>
          <Box sx={{ width: 160, height: 10, borderRadius: 1, background: legend }} aria-hidden />
          <Typography variant="caption" color="text.secondary">
            low → high attention (relative to this sample’s peak)
          </Typography>
        </Stack>
      </Stack>
      <SampleFrames key={sample.eventId} sample={sample} opacity={opacity} />
      <Typography variant="body2" color="text.secondary">
        DAO’s spatial softmax after MENet’s stage 3 ({sample.height} × {sample.width} positions), one map per time step, from the model {foldName} kept. Step 1 is the
        parameter-free channel-mean map; later steps have their own learned branch.
      </Typography>
    </Stack>
  );
}
