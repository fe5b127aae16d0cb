import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { hrefOf } from '../app/use-hash-route';
import { AgreementIcon, RedoIcon, SettingsIcon, UndoIcon } from '../common/icons';
import { ToolButton } from '../scrubber/ToolButton';
import { coderColour } from './track-math';
import type { Labelling } from './use-labelling';

export interface LabellingToolbarProps {
  labelling: Labelling;
  projectId: number;
  recordingId: number;
  onKeys: () => void;
}

/** Compare, undo/redo, the marking keys and the agreement report of this recording. */
export function LabellingToolbar({ labelling: l, projectId, recordingId, onKeys }: LabellingToolbarProps) {
  const coderIds = l.list.coders.map((c) => c.id);
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} role="toolbar" aria-label="Labelling">
      {l.list.compare && l.list.coders.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mr: 1 }} aria-label="Coders on this recording" data-testid="coder-legend">
          {l.list.coders.map((c) => (
            <Box key={c.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, fontSize: 12 }}>
              <Box sx={{ width: 10, height: 10, borderRadius: '2px', bgcolor: coderColour(c.id, coderIds) }} />
              {c.name}
            </Box>
          ))}
        </Stack>
      )}
      <FormControlLabel
        control={<Switch size="small" checked={l.list.compare} disabled={!l.annotator} onChange={(e) => l.list.setCompare(e.target.checked)} onMouseDown={(e) => e.preventDefault()} />}
        label={<Typography variant="body2">Compare (C)</Typography>}
        title="Show every coder’s events (double coding)"
        sx={{ mr: 1 }}
      />
      <Divider orientation="vertical" flexItem />
      <ToolButton label="Undo my last change" shortcut="Ctrl+Z" onClick={() => l.undo.run('undo')} disabled={l.undo.pending}>
        <UndoIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" onClick={() => l.undo.run('redo')} disabled={l.undo.pending}>
        <RedoIcon fontSize="small" />
      </ToolButton>
      <ToolButton label="Marking keys" onClick={onKeys}>
        <SettingsIcon fontSize="small" />
      </ToolButton>
      <Button href={hrefOf('agreement', undefined, { project: projectId, recording: recordingId })} startIcon={<AgreementIcon fontSize="small" />} onMouseDown={(e) => e.preventDefault()}>
        Agreement
      </Button>
    </Stack>
  );
}
