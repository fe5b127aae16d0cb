import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import type { ApiError } from '../../../shared/api/errors';
import { fieldMessage } from '../api/errors';
import type { EventValues } from './event-values';
import type { MarkBindings } from './key-bindings';

export interface FrameFieldsProps {
  values: EventValues;
  onChange: (patch: Partial<EventValues>) => void;
  error: ApiError | null;
  readOnly: boolean;
  bindings: MarkBindings;
  /** The frame on screen, for "set to this frame". */
  frameNow: () => number;
  onJump: (frame: number) => void;
}

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

function FrameField(props: { label: string; value: number | null | undefined; keyHint: string; message: string | undefined; readOnly: boolean; onChange: (n: number | undefined) => void; onHere: () => void; onJump: () => void }) {
  const { label, value, keyHint, message, readOnly, onChange, onHere, onJump } = props;
  return (
    <Box sx={{ minWidth: 0 }}>
      <TextField
        label={label}
        value={value === null ? '' : (value ?? '')}
        placeholder={value === null ? 'missing' : keyHint}
        onChange={(e) => {
          const text = e.target.value.trim();
          if (text === '') onChange(undefined);
          else if (/^-?\d{1,10}$/.test(text)) onChange(Number(text));
        }}
        error={message !== undefined}
        slotProps={{ htmlInput: { inputMode: 'numeric', readOnly, style: { fontFamily: mono }, 'data-testid': `field-${label.toLowerCase()}` } }}
        fullWidth
      />
      <Box sx={{ display: 'flex', mt: 0.25, '& .MuiButton-root': { minWidth: 0, px: 0.75, py: 0, fontSize: 11.5, fontWeight: 500 } }}>
        <Tooltip title={`Set the ${label.toLowerCase()} to the frame on screen (${keyHint})`}>
          <span>
            <Button aria-label={`Set ${label.toLowerCase()} to the frame on screen`} onClick={onHere} disabled={readOnly} onMouseDown={(e) => e.preventDefault()}>
              here
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={`Go to the ${label.toLowerCase()}`}>
          <span style={{ marginLeft: 'auto' }}>
            <Button aria-label={`Go to the ${label.toLowerCase()}`} onClick={onJump} disabled={typeof value !== 'number'} onMouseDown={(e) => e.preventDefault()}>
              go ›
            </Button>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}

/** Onset, apex and offset as numbers, with "here" (the frame on screen) and "go" (jump there). */
export function FrameFields({ values, onChange, error, readOnly, bindings, frameNow, onJump }: FrameFieldsProps) {
  const messages = ['onset', 'apex', 'offset'].map((f) => fieldMessage(error, f)).filter((m): m is string => m !== undefined);
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 1 }}>
        <FrameField label="Onset" value={values.onset} keyHint={bindings.onset.toUpperCase()} message={fieldMessage(error, 'onset')} readOnly={readOnly} onChange={(onset) => onChange({ onset })} onHere={() => onChange({ onset: frameNow() })} onJump={() => values.onset !== undefined && onJump(values.onset)} />
        <FrameField
          label="Apex"
          value={values.apex}
          keyHint={bindings.apex.toUpperCase()}
          message={fieldMessage(error, 'apex')}
          readOnly={readOnly || values.apex === null}
          onChange={(apex) => onChange({ apex })}
          onHere={() => onChange({ apex: frameNow() })}
          onJump={() => typeof values.apex === 'number' && onJump(values.apex)}
        />
        <FrameField label="Offset" value={values.offset} keyHint={bindings.offset.toUpperCase()} message={fieldMessage(error, 'offset')} readOnly={readOnly} onChange={(offset) => onChange({ offset })} onHere={() => onChange({ offset: frameNow() })} onJump={() => values.offset !== undefined && onJump(values.offset)} />
      </Box>
      <FormControlLabel
        control={<Checkbox size="small" checked={values.apex === null} disabled={readOnly} onChange={(e) => onChange({ apex: e.target.checked ? null : undefined })} />}
        label={`Apex missing (Shift+${bindings.apex.toUpperCase()})`}
        slotProps={{ typography: { variant: 'body2' } }}
      />
      {messages.map((m) => (
        <Box key={m} role="alert" data-testid="frame-error" sx={{ color: 'error.main', fontSize: 12.5, mt: 0.25 }}>
          {m}
        </Box>
      ))}
    </Box>
  );
}
