import TextField from '@mui/material/TextField';
import { useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  /** NaN while the text is not a number (the field says so; launching is refused until it is). */
  onChange: (value: number) => void;
  /** One line on what the value does. */
  help: string;
  /** What the server's schema says is wrong with the value. */
  problem?: string | undefined;
  width?: number;
}

const toText = (value: number) => (Number.isNaN(value) ? '' : String(value));
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * A number typed as text: what the user types stays as typed (`0.000` on the way to `0.0001`),
 * and a value set from outside (a preset, a cloned run) replaces it.
 */
export function NumberField({ label, value, onChange, help, problem, width = 160 }: NumberFieldProps) {
  const [text, setText] = useState(toText(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(shown, value)) {
    setShown(value);
    setText(toText(value));
  }
  const invalid = Number.isNaN(toNumber(text));
  return (
    <TextField
      label={label}
      value={text}
      onChange={(e) => {
        const next = toNumber(e.target.value);
        setText(e.target.value);
        setShown(next);
        onChange(next);
      }}
      error={invalid || problem !== undefined}
      helperText={invalid ? 'enter a number' : (problem ?? help)}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ width }}
    />
  );
}
