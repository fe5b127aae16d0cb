import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { AuCode } from '../../../shared/domain/facs';
import { codeToAdd, suggestAus } from './au-editor-state';

export interface AuPickerProps {
  onAdd: (code: AuCode) => void;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

/**
 * Adds an AU by number or name: type "12", "R12B" or "lip corner", pick with ↑/↓, Enter adds and
 * stays for the next; Esc empties the field, or hands the keys back to the scrubber.
 */
export function AuPicker({ onAdd, inputRef, disabled }: AuPickerProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const suggestions = open ? suggestAus(query) : [];
  const highlighted = suggestions[Math.min(active, suggestions.length - 1)];

  const add = (index = active) => {
    const code = codeToAdd(query, suggestions[Math.min(index, suggestions.length - 1)]);
    if (!code) {
      setMessage(query.trim() ? `“${query.trim()}” names no AU` : null);
      return;
    }
    onAdd(code);
    setQuery('');
    setOpen(false);
    setActive(0);
    setMessage(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // The handler sits on the field's root; the input is the target.
    const input = e.target as HTMLInputElement;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = Math.max(1, suggestions.length);
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter on an empty field hands the keys back (a second Enter then saves the event).
      if (query.trim() === '' && suggestions.length === 0) input.blur();
      else add();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query !== '' || open) {
        setQuery('');
        setOpen(false);
        setMessage(null);
      } else input.blur();
    }
  };

  return (
    <Box sx={{ position: 'relative' }}>
      <TextField
        label="Add AU (number or name)"
        placeholder="e.g. 12, R12B, brow"
        value={query}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          setMessage(null);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        inputRef={inputRef}
        fullWidth
        error={message !== null}
        helperText={message ?? 'Enter adds · ↑↓ list · Esc or empty Enter: back to the frame'}
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-expanded': suggestions.length > 0,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': highlighted ? `${listId}-${highlighted.au}` : undefined,
            autoComplete: 'off',
            spellCheck: false,
          },
        }}
      />
      {suggestions.length > 0 && (
        <Paper
          elevation={8}
          variant="elevation"
          sx={{ position: 'absolute', left: 0, right: 0, top: 40, zIndex: 10, maxHeight: 260, overflow: 'auto', py: 0.5 }}
        >
          <Box component="ul" role="listbox" id={listId} aria-label="AU suggestions" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {suggestions.map((c, i) => (
              <Box
                component="li"
                key={c.au}
                id={`${listId}-${c.au}`}
                role="option"
                aria-selected={c === highlighted}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(i);
                }}
                onMouseEnter={() => setActive(i)}
                sx={{ px: 1.25, py: 0.4, cursor: 'pointer', display: 'flex', gap: 1, bgcolor: c === highlighted ? 'action.selected' : 'transparent' }}
              >
                <Typography component="span" sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 12.5, minWidth: 40, fontWeight: 700 }}>
                  AU{c.au}
                </Typography>
                <Typography component="span" variant="body2" noWrap>
                  {c.name}
                </Typography>
              </Box>
            ))}
          </Box>
        </Paper>
      )}
    </Box>
  );
}
