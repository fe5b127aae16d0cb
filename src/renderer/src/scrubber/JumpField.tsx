import TextField from '@mui/material/TextField';
import { useState, type Ref } from 'react';

export interface JumpFieldProps {
  first: number;
  last: number;
  onJump: (n: number) => void;
  inputRef: Ref<HTMLInputElement>;
}

/** "Go to frame": type a camera frame number and press Enter (G focuses it, Esc leaves it). */
export function JumpField({ first, last, onJump, inputRef }: JumpFieldProps) {
  const [text, setText] = useState('');
  const value = text.trim() === '' ? NaN : Number(text);
  const invalid = text.trim() !== '' && !(Number.isInteger(value) && value >= first && value <= last);
  return (
    <TextField
      label="Go to frame"
      value={text}
      onChange={(e) => setText(e.target.value)}
      error={invalid}
      inputRef={inputRef}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !invalid && text.trim() !== '') {
          onJump(value);
          setText('');
          (e.target as HTMLInputElement).blur();
        } else if (e.key === 'Escape') {
          setText('');
          (e.target as HTMLInputElement).blur();
        }
      }}
      placeholder={`${first}–${last}`}
      sx={{ width: 120 }}
      slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false, 'aria-describedby': undefined, style: { fontFamily: 'ui-monospace, monospace' } } }}
    />
  );
}
