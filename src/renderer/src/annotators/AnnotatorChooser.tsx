import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Annotator } from '../../../shared/api/events';
import { fieldMessage, formMessage } from '../api/errors';
import { useCallMutation } from '../api/use-call-mutation';
import { isReferenceCoder, type StoredAnnotator } from './annotator-storage';

export interface AnnotatorChooserProps {
  annotators: Annotator[] | undefined;
  current: StoredAnnotator | null;
  error: ApiError | null;
  onChoose: (annotator: StoredAnnotator) => void;
  onCreated: () => void;
  onClose: () => void;
}

/** "Who is coding?": pick a coder or add one; the choice is kept in this browser. */
export function AnnotatorChooser({ annotators, current, error, onChoose, onCreated, onClose }: AnnotatorChooserProps) {
  const titleId = useId();
  const [name, setName] = useState('');
  const create = useCallMutation('annotators.create');
  const coders = (annotators ?? []).filter((a) => !isReferenceCoder(a.name));
  const reference = (annotators ?? []).filter((a) => isReferenceCoder(a.name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await create.run({ name });
    if (!outcome.ok) return;
    onCreated();
    onChoose(outcome.value);
  };

  const row = (a: Annotator) => (
    <ListItemButton key={a.id} selected={a.id === current?.id} onClick={() => onChoose(a)} sx={{ borderRadius: 1 }}>
      <ListItemText primary={a.name} secondary={`${a.eventCount} event${a.eventCount === 1 ? '' : 's'}`} />
    </ListItemButton>
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Who is coding?</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Every event you save and every change is recorded under this name. The choice is kept in this browser.
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {annotators && annotators.length > 0 && (
          <List dense aria-label="Coders" sx={{ maxHeight: 300, overflow: 'auto', mb: 1.5 }}>
            {coders.map(row)}
            {reference.length > 0 && (
              <ListSubheader disableSticky sx={{ lineHeight: 2.5, bgcolor: 'transparent' }}>
                Reference codings (made by the app)
              </ListSubheader>
            )}
            {reference.map(row)}
          </List>
        )}
        <Box component="form" noValidate onSubmit={(e) => void submit(e)}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label="New coder"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                create.reset();
              }}
              autoFocus={coders.length === 0}
              error={fieldMessage(create.error, 'name') !== undefined}
              helperText={fieldMessage(create.error, 'name') ?? 'Your name or initials'}
            />
            <Button type="submit" variant="contained" loading={create.pending} sx={{ mt: 0.25, flexShrink: 0 }}>
              Add and use
            </Button>
          </Stack>
          {formMessage(create.error, ['name']) && (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {formMessage(create.error, ['name'])}
            </Alert>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{current ? 'Close' : 'Not now'}</Button>
      </DialogActions>
    </Dialog>
  );
}
