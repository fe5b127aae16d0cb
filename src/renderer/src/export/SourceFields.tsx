import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { fieldMessage } from '../api/errors';
import { MappingSelect } from '../mappings/MappingSelect';
import type { Export } from './use-export';

/** Selects whose empty value means "all" or "none": show that choice, with the label above it. */
const shrunk = { inputLabel: { shrink: true } } as const;

/** Which project, which coders' events, flagged events or not, and the class mapping. */
export function SourceFields({ x }: { x: Export }) {
  const { form, update } = x;
  const coders = x.annotators.data ?? [];
  const mappingError = fieldMessage(x.startError, 'mapping');
  return (
    <Stack spacing={2}>
      <TextField select label="Project" value={x.project?.id ?? ''} onChange={(e) => x.selectProject(Number(e.target.value))}>
        {(x.projects.data ?? []).map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="Coders"
        value={form.annotatorIds}
        onChange={(e) => update({ annotatorIds: (e.target.value as unknown as number[]).filter((v) => typeof v === 'number') })}
        helperText="Only these coders’ events; none chosen: every coder’s"
        slotProps={{
          ...shrunk,
          select: {
            multiple: true,
            displayEmpty: true,
            renderValue: (ids) => ((ids as number[]).length === 0 ? 'Every coder' : coders.filter((c) => (ids as number[]).includes(c.id)).map((c) => c.name).join(', ')),
          },
        }}
      >
        {coders.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            <Checkbox size="small" checked={form.annotatorIds.includes(c.id)} sx={{ p: 0, mr: 1 }} />
            {c.name}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Checkbox checked={form.excludeFlagged} onChange={(e) => update({ excludeFlagged: e.target.checked })} />}
        label="Leave out flagged events (apex missing, overlapping, unreadable AUs, emotion outside the label set)"
      />
      <MappingSelect
        value={form.mappingKey}
        onChange={(key) => update({ mappingKey: key })}
        mappings={x.mappings.data}
        error={mappingError !== undefined}
        helperText={mappingError ?? (x.mapping ? `Classes: ${x.mapping.toLabels.join(', ')}` : 'Mappings are edited under Library → Label sets and mappings')}
      />
    </Stack>
  );
}
