import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Annotator } from '../../../shared/api/events';
import type { Subject } from '../../../shared/api/subjects';
import { quickMenu, releaseFocusSoon } from '../scrubber/use-scrubber-keys';
import type { EventFilter } from './use-event-page';

export interface EventFiltersProps {
  filter: EventFilter;
  onChange: (patch: Partial<EventFilter>) => void;
  onClear: () => void;
  labelSet: readonly string[];
  subjects?: readonly Subject[] | undefined;
  annotators: readonly Annotator[] | undefined;
  /** Narrow: two filters per line (the Label page's side panel). */
  dense?: boolean;
}

const any = '';

/** Subject, emotion, AU, coder and status filters of an events list. */
export function EventFilters({ filter, onChange, onClear, labelSet, subjects, annotators, dense }: EventFiltersProps) {
  const [auText, setAuText] = useState(filter.au === undefined ? '' : String(filter.au));
  const width = dense ? 'calc(50% - 4px)' : 150;
  const select = (label: string, value: string | number | undefined, options: { value: string | number; label: string }[], set: (v: string) => void) => (
    <TextField
      select
      label={label}
      value={value ?? any}
      onChange={(e) => {
        set(e.target.value);
        releaseFocusSoon();
      }}
      sx={{ width }}
      slotProps={{ select: { MenuProps: quickMenu, displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value={any}>Any</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  const active = Object.values(filter).some((v) => v !== undefined && v !== '');
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }} role="group" aria-label="Filter events">
      {subjects && select('Subject', filter.subjectId, subjects.map((s) => ({ value: s.id, label: s.code })), (v) => onChange({ subjectId: v === any ? undefined : Number(v) }))}
      {select('Emotion', filter.emotion, labelSet.map((l) => ({ value: l, label: l })), (v) => onChange({ emotion: v === any ? undefined : v }))}
      <TextField
        label="AU"
        value={auText}
        placeholder="e.g. 12"
        onChange={(e) => {
          const text = e.target.value;
          setAuText(text);
          const n = /^\s*(?:au)?\s*(\d{1,2})\s*$/i.exec(text)?.[1];
          onChange({ au: n === undefined ? undefined : Number(n) });
        }}
        error={auText.trim() !== '' && filter.au === undefined}
        sx={{ width: dense ? 'calc(50% - 4px)' : 90 }}
        slotProps={{ htmlInput: { 'aria-label': 'AU number' }, inputLabel: { shrink: true } }}
      />
      {select('Coder', filter.annotatorId, (annotators ?? []).map((a) => ({ value: a.id, label: a.name })), (v) => onChange({ annotatorId: v === any ? undefined : Number(v) }))}
      {select(
        'Status',
        filter.status,
        [
          { value: 'flagged', label: 'Flagged' },
          { value: 'unflagged', label: 'Not flagged' },
          { value: 'uncertain', label: 'Uncertain' },
        ],
        (v) => onChange({ status: v === any ? undefined : (v as EventFilter['status']) }),
      )}
      {active && (
        <Button
          onClick={() => {
            setAuText('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
