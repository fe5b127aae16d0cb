import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { bindingProblems, defaultBindings, markNames, type MarkBindings, type MarkKind } from './key-bindings';

export interface MarkKeysDialogProps {
  bindings: MarkBindings;
  onSave: (bindings: MarkBindings) => void;
  onClose: () => void;
}

const kinds: MarkKind[] = ['onset', 'apex', 'offset'];

/** The letters that mark onset, apex and offset; checked against every key the scrubber uses. */
export function MarkKeysDialog({ bindings, onSave, onClose }: MarkKeysDialogProps) {
  const titleId = useId();
  const [draft, setDraft] = useState<MarkBindings>(bindings);
  const problems = bindingProblems(draft);
  const ok = Object.keys(problems).length === 0;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Marking keys</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Press a letter in a field to use it. Shift + the apex key marks the apex missing. I and O also set the loop’s in and out points, so they can only mark the onset and the offset.
        </Typography>
        <Stack spacing={2}>
          {kinds.map((kind) => (
            <TextField
              key={kind}
              label={`${markNames[kind]} key`}
              value={draft[kind].toUpperCase()}
              onKeyDown={(e) => {
                if (e.key === 'Tab' || e.key === 'Escape' || e.key === 'Enter') return;
                e.preventDefault();
                if (e.key.length === 1) setDraft({ ...draft, [kind]: e.key.toLowerCase() });
              }}
              onChange={() => undefined}
              error={problems[kind] !== undefined}
              helperText={problems[kind] ?? (kind === 'apex' ? `Shift+${draft.apex.toUpperCase()}: apex missing` : ' ')}
              slotProps={{ htmlInput: { maxLength: 1, style: { fontFamily: 'ui-monospace, monospace', textTransform: 'uppercase' } } }}
            />
          ))}
        </Stack>
        {!ok && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            Choose letters no other command uses.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setDraft(defaultBindings)} sx={{ mr: 'auto' }}>
          Defaults (I, A, O)
        </Button>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!ok}
          onClick={() => {
            onSave(draft);
            onClose();
          }}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
