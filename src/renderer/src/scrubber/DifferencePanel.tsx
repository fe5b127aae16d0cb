import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { PanelSection } from './PanelSection';
import type { ReferenceMode, Scrubber } from './use-scrubber';
import { quickMenu, releaseFocusSoon } from './use-scrubber-keys';

const gainMarks = [1, 5, 10, 15, 20].map((value) => ({ value }));

/** |current − reference| × gain: the settings of the difference view. */
export function DifferencePanel({ scrubber }: { scrubber: Scrubber }) {
  const { difference: d, setDifference, loop, recording, shown } = scrubber;
  const inLabel = loop.from === null ? `Loop in-point (unset: ${recording.firstFrame})` : `Loop in-point (frame ${loop.from})`;
  return (
    <PanelSection
      title="Difference"
      label="Difference view"
      action={
        <Switch
          size="small"
          checked={d.enabled}
          onChange={(e) => setDifference({ enabled: e.target.checked })}
          slotProps={{ input: { 'aria-label': 'Difference view (D)' } }}
        />
      }
    >
      <Stack spacing={1.25}>
        <Typography variant="caption" color="text.secondary">
          |current − reference| amplified; still areas go black, movement lights up.
        </Typography>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', px: 0.5 }}>
          <Typography variant="body2" sx={{ width: 40 }}>
            Gain
          </Typography>
          <Slider
            size="small"
            min={1}
            max={20}
            step={1}
            marks={gainMarks}
            value={d.gain}
            onChange={(_, value) => setDifference({ gain: Array.isArray(value) ? (value[0] ?? 1) : value })}
            valueLabelDisplay="auto"
            valueLabelFormat={(v) => `×${v}`}
            aria-label="Difference gain"
          />
          <Typography variant="body2" sx={{ width: 36, textAlign: 'right', fontFamily: 'ui-monospace, monospace' }} data-testid="difference-gain">
            ×{d.gain}
          </Typography>
        </Stack>
        <TextField
          select
          label="Reference frame"
          value={d.reference}
          onChange={(e) => {
            setDifference({ reference: e.target.value as ReferenceMode });
            releaseFocusSoon();
          }}
          fullWidth
          slotProps={{ select: { MenuProps: quickMenu } }}
        >
          <MenuItem value="in">{inLabel}</MenuItem>
          <MenuItem value="previous">Previous frame</MenuItem>
          <MenuItem value="fixed">Fixed frame {d.fixed}</MenuItem>
        </TextField>
        {d.reference === 'fixed' && (
          <Button
            variant="outlined"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setDifference({ fixed: shown?.frame ?? scrubber.target })}
            sx={{ alignSelf: 'flex-start' }}
          >
            Use the frame on screen ({shown?.frame ?? scrubber.target})
          </Button>
        )}
      </Stack>
    </PanelSection>
  );
}
