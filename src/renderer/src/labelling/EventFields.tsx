import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { memo, type Ref } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Subject } from '../../../shared/api/subjects';
import { fieldMessage } from '../api/errors';
import { quickMenu, releaseFocusSoon } from '../scrubber/use-scrubber-keys';
import { AuEditor } from './AuEditor';
import type { EventValues } from './event-values';
import { FrameFields } from './FrameFields';
import type { MarkBindings } from './key-bindings';

export interface EventFieldsProps {
  values: EventValues;
  onChange: (patch: Partial<EventValues>) => void;
  labelSet: readonly string[];
  subjects: readonly Subject[];
  /** The recording's own subject code (the default). */
  recordingSubject: string | null;
  error: ApiError | null;
  readOnly: boolean;
  bindings: MarkBindings;
  /** The frame on screen (a getter, so that playback does not re-render the fields). */
  frameNow: () => number;
  onJump: (frame: number) => void;
  pickerRef: Ref<HTMLInputElement>;
}

/** Every field of an event, for the draft and for a saved event alike (re-rendered only when a prop changes). */
export const EventFields = memo(function EventFields(props: EventFieldsProps) {
  const { values, onChange, labelSet, subjects, recordingSubject, error, readOnly } = props;
  const emotions = values.emotion && !labelSet.includes(values.emotion) ? [...labelSet, values.emotion] : labelSet;
  return (
    <Stack spacing={1.5}>
      <FrameFields values={values} onChange={onChange} error={error} readOnly={readOnly} bindings={props.bindings} frameNow={props.frameNow} onJump={props.onJump} />
      <TextField
        select
        label="Emotion"
        value={values.emotion}
        onChange={(e) => {
          onChange({ emotion: e.target.value });
          releaseFocusSoon();
        }}
        error={fieldMessage(error, 'emotion') !== undefined}
        helperText={fieldMessage(error, 'emotion') ?? 'Keys 1–9 in this order'}
        disabled={readOnly}
        slotProps={{ select: { MenuProps: quickMenu, displayEmpty: true, renderValue: (v) => (v ? String(v) : '— choose (1–9) —') }, htmlInput: { 'data-testid': 'field-emotion' }, inputLabel: { shrink: true } }}
      >
        {emotions.map((label, i) => (
          <MenuItem key={label} value={label}>
            <Box component="kbd" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 11, mr: 1, color: 'text.secondary', minWidth: 12 }}>
              {i < 9 ? i + 1 : ''}
            </Box>
            {label}
          </MenuItem>
        ))}
      </TextField>
      <AuEditor value={values.aus} onChange={(aus) => onChange({ aus })} serverMessage={fieldMessage(error, 'aus')} disabled={readOnly} pickerRef={props.pickerRef} />
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1 }}>
        <TextField label="Objective class" value={values.objectiveClass} onChange={(e) => onChange({ objectiveClass: e.target.value })} disabled={readOnly} placeholder="e.g. I–VII" fullWidth />
        <TextField
          select
          label="Subject"
          value={values.subjectId ?? ''}
          onChange={(e) => {
            onChange({ subjectId: e.target.value === '' ? null : Number(e.target.value) });
            releaseFocusSoon();
          }}
          error={fieldMessage(error, 'subjectId') !== undefined}
          helperText={fieldMessage(error, 'subjectId')}
          disabled={readOnly}
          fullWidth
          slotProps={{ select: { MenuProps: quickMenu, displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Recording’s ({recordingSubject ?? 'none'})</MenuItem>
          {subjects.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.code}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <FormControlLabel
        control={<Checkbox size="small" checked={values.uncertain} disabled={readOnly} onChange={(e) => onChange({ uncertain: e.target.checked })} />}
        label="I am not sure of this event"
        slotProps={{ typography: { variant: 'body2' } }}
      />
      <TextField label="Notes" value={values.notes} onChange={(e) => onChange({ notes: e.target.value })} disabled={readOnly} multiline minRows={2} maxRows={6} fullWidth />
    </Stack>
  );
});
