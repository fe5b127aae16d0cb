import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MappingSelect } from '../mappings/MappingSelect';
import { ClassCounts } from './ClassCounts';
import type { TrainingWizard } from './use-training-wizard';
import type { EventsChoice } from './wizard-form';

const eventChoices: { value: EventsChoice; label: string }[] = [
  { value: 'all', label: 'Every event of the project' },
  { value: 'unflagged', label: 'Every event except flagged ones (apex missing, overlapping, unreadable AUs, emotion outside the label set)' },
  { value: 'consensus', label: 'Double-coded consensus only: events adjudicated from two coders’ codings (Agreement page)' },
  { value: 'coders', label: 'Only some coders’ events' },
];

const shrunk = { inputLabel: { shrink: true } } as const;

/** Which projects and events a run trains on, the class mapping, and how the classes fall per subject. */
export function DataStep({ w }: { w: TrainingWizard }) {
  const { form } = w;
  const coders = w.annotators.data ?? [];
  const others = (w.projects.data ?? []).filter((p) => p.id !== w.project?.id);
  const extras = w.extraProjects.map((p) => p.id);
  const flaggedToo = (
    <FormControlLabel
      control={<Checkbox checked={form.config.data.excludeFlagged} onChange={(e) => w.editSection('data', { excludeFlagged: e.target.checked })} />}
      label="and leave out their flagged events"
    />
  );
  return (
    <Stack spacing={2.5}>
      <TextField select label="Project" value={w.project?.id ?? ''} onChange={(e) => w.selectProject(Number(e.target.value))} helperText="The project whose labelled events are the samples; the run is listed under it" sx={{ maxWidth: 480 }}>
        {(w.projects.data ?? []).map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Also train on"
        value={extras}
        onChange={(e) => w.editSection('data', { extraProjectIds: (e.target.value as unknown as number[]).filter((v) => typeof v === 'number') })}
        helperText="Other projects whose events are pooled with this one before the split (e.g. SMIC, CASME II and SAMM for MEGC 2019): each maps its own labels to the same classes, and their subjects stay apart"
        slotProps={{ ...shrunk, select: { multiple: true, displayEmpty: true, renderValue: () => w.extraProjects.map((p) => p.name).join(', ') || 'No other project' } }}
        sx={{ maxWidth: 480 }}
      >
        {others.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            <Checkbox size="small" checked={extras.includes(p.id)} sx={{ p: 0, mr: 1 }} />
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <FormControl>
        <FormLabel id="training-events">Events</FormLabel>
        <RadioGroup aria-labelledby="training-events" value={form.events} onChange={(e) => w.edit({ events: e.target.value as EventsChoice })}>
          {eventChoices.map((c) => (
            <FormControlLabel key={c.value} value={c.value} control={<Radio size="small" />} label={c.label} />
          ))}
        </RadioGroup>
      </FormControl>
      {form.events === 'coders' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            label="Coders"
            value={form.coders}
            onChange={(e) => w.edit({ coders: (e.target.value as unknown as number[]).filter((v) => typeof v === 'number') })}
            error={w.problems['data.annotatorIds'] !== undefined}
            helperText={w.problems['data.annotatorIds'] ?? 'Only these coders’ events are samples'}
            slotProps={{ ...shrunk, select: { multiple: true, displayEmpty: true, renderValue: (ids) => coders.filter((c) => (ids as number[]).includes(c.id)).map((c) => c.name).join(', ') || 'None chosen' } }}
            sx={{ minWidth: 280 }}
          >
            {coders.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                <Checkbox size="small" checked={form.coders.includes(c.id)} sx={{ p: 0, mr: 1 }} />
                {c.name} ({c.eventCount})
              </MenuItem>
            ))}
          </TextField>
          {flaggedToo}
        </Stack>
      )}
      {form.events === 'consensus' && flaggedToo}
      <MappingSelect
        value={form.config.data.mapping ?? ''}
        onChange={(key) => w.editSection('data', { mapping: key === '' ? null : key })}
        mappings={w.mappings.data}
        helperText="Merges or drops emotions before training (MEGC: negative / positive / surprise); edited under Library"
        maxWidth={480}
      />
      <ClassCounts preview={w.preview.data} current={w.previewCurrent} error={w.preview.error?.message} />
    </Stack>
  );
}
