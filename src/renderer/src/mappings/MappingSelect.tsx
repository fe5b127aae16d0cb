import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { LabelMappingInfo } from '../../../shared/api/mappings';

export interface MappingSelectProps {
  /** A mapping key, or '' for none. */
  value: string;
  onChange(key: string): void;
  mappings: readonly LabelMappingInfo[] | undefined;
  helperText: string;
  error?: boolean;
  maxWidth?: number;
}

/** Picks a class mapping: none, the project's own mappings, then the built-in ones. */
export function MappingSelect({ value, onChange, mappings, helperText, error, maxWidth }: MappingSelectProps) {
  const own = mappings?.filter((m) => m.editable) ?? [];
  const builtIn = mappings?.filter((m) => !m.editable) ?? [];
  return (
    <TextField
      select
      label="Class mapping"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error ?? false}
      helperText={helperText}
      slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      sx={maxWidth ? { maxWidth } : undefined}
    >
      <MenuItem value="">None: the project’s labels as they are</MenuItem>
      {own.length > 0 && <ListSubheader>This project</ListSubheader>}
      {own.map((m) => (
        <MenuItem key={m.key} value={m.key}>
          {m.name}
        </MenuItem>
      ))}
      <ListSubheader>Built in</ListSubheader>
      {builtIn.map((m) => (
        <MenuItem key={m.key} value={m.key}>
          {m.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
