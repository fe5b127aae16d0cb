import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { KeyboardEvent } from 'react';
import { useStableCallback } from '../common/use-stable-callback';
import type { Recording } from '../../../shared/api/recordings';
import type { Subject } from '../../../shared/api/subjects';
import { ConflictAlert } from './ConflictAlert';
import { EventFields } from './EventFields';
import { flagText } from './flag-text';
import { PanelFooter } from './PanelFooter';
import { PredictionSection } from './PredictionSection';
import type { Labelling } from './use-labelling';

export interface EventPanelProps {
  labelling: Labelling;
  recording: Recording;
  labelSet: readonly string[];
  subjects: readonly Subject[];
  frameNow: number;
  onJump: (frame: number) => void;
}

const keep = (e: { preventDefault: () => void }) => e.preventDefault();

/**
 * Keys inside the editor's fields: Enter in a one-line field saves (as it does on the frame),
 * Esc leaves the field and hands the keys back to the scrubber. Fields that use these keys
 * themselves (the AU picker, open selects) claim them first.
 */
function fieldKeys(commit: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target;
    if (e.defaultPrevented || !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      target.blur();
    } else if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'text' && target.getAttribute('role') !== 'combobox') {
      e.preventDefault();
      commit();
    }
  };
}

/** The event being marked or the selected one: its fields, its flags, and save / discard. */
export function EventPanel({ labelling: l, recording, labelSet, subjects, frameNow, onJump }: EventPanelProps) {
  const { draft, selected, form, writes } = l;
  const error = writes.error && writes.error.eventId === (draft ? null : (selected?.id ?? -1)) ? writes.error.error : null;
  // Stable identities, so that the memoised fields skip the re-render of every played frame.
  const getFrame = useStableCallback(() => frameNow);
  const jump = useStableCallback(onJump);
  const changeDraft = useStableCallback(l.changeDraft);
  const changeForm = useStableCallback(form.change);
  const common = { labelSet, subjects, recordingSubject: recording.subjectCode, error, bindings: l.bindings, frameNow: getFrame, onJump: jump, pickerRef: l.auInputRef };
  const k = l.bindings;

  if (!draft && !selected) {
    return (
      <Box sx={{ p: 2 }} data-testid="event-panel-empty">
        {!l.annotator && (
          <Alert severity="info" sx={{ mb: 2 }} action={<Button color="inherit" onClick={() => l.session.openChooser()}>Choose</Button>}>
            Choose who is coding before you save events.
          </Alert>
        )}
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          Mark a micro-expression
        </Typography>
        <Typography variant="body2" color="text.secondary" component="div">
          Step to its first frame and press <b>{k.onset.toUpperCase()}</b> (onset), to its peak and press <b>{k.apex.toUpperCase()}</b> (apex; Shift+{k.apex.toUpperCase()} if there is none), to its last frame and press <b>{k.offset.toUpperCase()}</b> (offset). Choose the emotion with <b>1–9</b>, add AUs with <b>U</b>, and press <b>Enter</b> to save or <b>Esc</b> to discard.
          <br />
          Click an event on the timeline to select it and loop it; <b>N</b>/<b>P</b> step through the events.
        </Typography>
        {l.hint && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {l.hint}
          </Alert>
        )}
      </Box>
    );
  }

  if (draft) {
    return (
      <Stack spacing={1.5} sx={{ p: 1.75 }} data-testid="draft-panel" onKeyDown={fieldKeys(l.commit)}>
        <Stack direction="row" sx={{ alignItems: 'center' }} spacing={1}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            New event
          </Typography>
          <Chip size="small" color="warning" variant="outlined" label="not saved" />
        </Stack>
        <EventFields {...common} values={draft} onChange={changeDraft} readOnly={false} />
        <PanelFooter error={error} hint={l.hint}>
          <Button variant="contained" onMouseDown={keep} onClick={l.saveDraft} loading={writes.pending}>
            Save event (Enter)
          </Button>
          <Button onMouseDown={keep} onClick={l.discardDraft}>
            Discard (Esc)
          </Button>
        </PanelFooter>
      </Stack>
    );
  }

  if (!selected || !form.values) return null;
  const editable = l.canEdit(selected);
  return (
    <Stack spacing={1.5} sx={{ p: 1.75 }} data-testid="event-panel" data-event-id={selected.id} onKeyDown={fieldKeys(l.commit)}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }} data-testid="event-title">
          Event {selected.id}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          by {selected.annotatorName} · v{selected.version}
        </Typography>
      </Stack>
      {selected.flags.length > 0 && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
          {selected.flags.map((f) => (
            <Chip key={f} size="small" color="warning" variant="outlined" label={flagText[f]} data-testid="event-flag" />
          ))}
        </Stack>
      )}
      {selected.provenance && (
        <Typography variant="caption" color="text.secondary" data-testid="event-provenance">
          Consensus: {Object.entries(selected.provenance).map(([field, from]) => `${field} from ${from}`).join('; ')}
        </Typography>
      )}
      {l.conflict && <ConflictAlert conflict={l.conflict} pending={writes.pending} onLoadCurrent={l.resolve.loadCurrent} onReapply={() => void l.resolve.reapply()} />}
      {!l.conflict && form.outdated && (
        <Alert severity="warning">Someone saved this event after you started editing it; saving will be refused unless you reload it.</Alert>
      )}
      {!editable && (
        <Alert severity="info" action={l.annotator ? <Button color="inherit" onClick={() => l.unlock(selected.id)}>Edit anyway</Button> : undefined}>
          {l.annotator ? `Coded by ${selected.annotatorName}: read-only, so that double coding stays independent.` : 'Choose who is coding to edit.'}
        </Alert>
      )}
      <EventFields {...common} values={form.values} onChange={changeForm} readOnly={!editable} />
      {editable && (
        <PanelFooter error={error}>
          <Button variant="contained" onMouseDown={keep} onClick={l.saveSelected} disabled={!form.dirty} loading={writes.pending}>
            Save (Enter)
          </Button>
          <Button onMouseDown={keep} onClick={() => form.reset()} disabled={!form.dirty}>
            Revert
          </Button>
          <Box sx={{ flex: 1 }} />
          <Button color="error" onMouseDown={keep} onClick={l.deleteSelected}>
            Delete
          </Button>
        </PanelFooter>
      )}
      <PredictionSection projectId={recording.projectId} eventId={selected.id} />
    </Stack>
  );
}
