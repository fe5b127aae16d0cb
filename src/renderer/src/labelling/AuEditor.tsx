import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';
import { describeAu, printAuCode, type AuParse } from '../../../shared/domain/facs';
import { addCode, readAus, removeRow, setRow } from './au-editor-state';
import { AuPicker } from './AuPicker';
import { AuRow } from './AuRow';

export interface AuEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** The server's message about the AUs (a refused save), shown under the notation. */
  serverMessage?: string | undefined;
  disabled?: boolean;
  pickerRef?: Ref<HTMLInputElement>;
}

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** The notation as read: every stretch the parser could not read is marked. */
function Reading({ parse }: { parse: AuParse }) {
  return (
    <Box data-testid="au-reading" sx={{ fontFamily: mono, fontSize: 12.5, px: 1, py: 0.5, bgcolor: 'rgba(255,255,255,0.04)', borderRadius: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parse.pieces.map((p) =>
        p.role === 'unparsed' ? (
          <Box key={p.start} component="mark" data-testid="au-unreadable" title="Not AU notation" sx={{ bgcolor: 'rgba(255, 82, 82, 0.3)', color: '#ff8a80', textDecoration: 'underline wavy #ff5252', borderRadius: 0.5 }}>
            {p.text}
          </Box>
        ) : (
          <Box key={p.start} component="span" sx={{ color: p.role === 'au' ? 'primary.light' : p.role === 'text' ? 'warning.light' : 'text.secondary' }}>
            {p.text}
          </Box>
        ),
      )}
    </Box>
  );
}

/**
 * The FACS AU editor: add AUs by number or name, set side, intensity and "unsure" per AU, or
 * type the notation itself (`1+2+R12`, `R14A or 17A or 24A`); it is read as you type.
 */
export function AuEditor({ value, onChange, serverMessage, disabled, pickerRef }: AuEditorProps) {
  const reading = readAus(value);
  const unreadable = reading.parse.unparsed;
  return (
    <Box data-testid="au-editor">
      <TextField
        label="AU notation"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        fullWidth
        error={unreadable.length > 0 || serverMessage !== undefined}
        helperText={
          serverMessage ??
          (unreadable.length > 0 ? `Cannot read ${unreadable.map((u) => `“${u}”`).join(', ')}` : value.trim() && reading.printed !== value.trim() ? `Reads as ${reading.printed}` : 'FACS notation, e.g. 4B+7B+43E')
        }
        slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: mono } } }}
      />
      {value.trim() !== '' && (
        <Box sx={{ mt: 0.75 }}>
          <Reading parse={reading.parse} />
        </Box>
      )}
      {reading.warnings.map((w) => (
        <Typography key={w} variant="caption" color="warning.main" sx={{ display: 'block', mt: 0.25 }}>
          {w}
        </Typography>
      ))}
      {reading.rows !== null ? (
        <Box sx={{ mt: 0.75 }} aria-label="AUs" role="list">
          {reading.rows.map((code, i) => (
            <Box role="listitem" key={`${i}:${code.au}`}>
              <AuRow code={code} disabled={disabled} onChange={(next) => onChange(setRow(value, i, next) ?? value)} onRemove={() => onChange(removeRow(value, i) ?? value)} />
            </Box>
          ))}
        </Box>
      ) : (
        reading.entries.length > 0 && (
          <Box sx={{ mt: 0.75, display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            <Typography variant="caption" color="text.secondary" sx={{ width: '100%' }}>
              {reading.parse.ok ? 'Alternatives or references: edit them in the notation.' : 'Fix the marked text to edit AU by AU.'}
            </Typography>
            {reading.entries.map((entry, i) => (
              <Tooltip key={i} title={`${describeAu(entry.code)}${entry.alternative ? ' (one option of an “or”)' : ''}${entry.reference ? ' (for reference only)' : ''}`}>
                <Chip size="small" variant={entry.alternative || entry.reference ? 'outlined' : 'filled'} label={printAuCode(entry.code)} sx={{ fontFamily: mono }} />
              </Tooltip>
            ))}
          </Box>
        )
      )}
      <Box sx={{ mt: 1.25 }}>
        <AuPicker onAdd={(code) => onChange(addCode(value, code))} inputRef={pickerRef} disabled={disabled} />
      </Box>
    </Box>
  );
}
