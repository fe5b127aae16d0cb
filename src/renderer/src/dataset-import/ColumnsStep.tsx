import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { columnChoices, draftFor, mappedFields, type MappedField } from './column-mapping';
import { SheetSample } from './SheetSample';
import type { DatasetImport } from './use-dataset-import';

/** Step 2 (a sheet no built-in format knows): which column holds what, with the sheet's first rows to go by. */
export function ColumnsStep({ wizard }: { wizard: DatasetImport }) {
  const { inspection, tab, draft, setDraft, blame } = wizard;
  if (inspection.loading) return <LinearProgress aria-label="Reading the sheet" />;
  if (inspection.error) return <Alert severity="error">{inspection.error.message}</Alert>;
  if (!tab) return <Alert severity="warning">The sheet has no cells with values.</Alert>;

  const tabs = inspection.data?.tabs ?? [];
  const choices = columnChoices(tab, draft.headerless);
  const choose = (field: MappedField, value: string) => setDraft({ ...draft, columns: { ...draft.columns, [field]: value === '' ? undefined : value } });
  const mappingError = blame('generic');
  // Letters and header names are different columns: switching starts from the sheet's suggestion again.
  const setHeaderless = (headerless: boolean) => {
    const first = draftFor(tab);
    setDraft({ ...first, headerless, columns: headerless === first.headerless ? first.columns : {} });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {tabs.length > 1 && (
          <TextField select label="Tab" value={tab.name} onChange={(e) => setDraft(draftFor(tabs.find((t) => t.name === e.target.value)))} sx={{ minWidth: 180 }}>
            {tabs.map((t) => (
              <MenuItem key={t.name} value={t.name}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <FormControlLabel
          control={<Switch checked={draft.headerless} onChange={(e) => setHeaderless(e.target.checked)} />}
          label="The sheet has no header row (columns by letter)"
        />
        <Typography variant="body2" color="text.secondary">
          {tab.headerRow === null ? `${tab.dataRows} rows, no header found` : `Header on row ${tab.headerRow}, ${tab.dataRows} rows below it`}
        </Typography>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }} component="section" aria-label="Columns">
        {mappedFields.map(({ field, label, required }) => (
          <TextField key={field} select label={required ? label : `${label} (optional)`} value={draft.columns[field] ?? ''} onChange={(e) => choose(field, e.target.value)}>
            <MenuItem value="">{required ? '— choose —' : '— none —'}</MenuItem>
            {choices.map((c) => (
              <MenuItem key={c.value} value={c.value}>
                {c.label}
              </MenuItem>
            ))}
          </TextField>
        ))}
        <TextField
          label="Clip folders below the root"
          value={draft.folders}
          placeholder="{subject}/{clip}"
          onChange={(e) => setDraft({ ...draft, folders: e.target.value })}
          helperText="Empty: {subject}/{clip}; {subject}, {clip} and {onset} are the row’s cells"
        />
      </Box>
      {mappingError !== undefined && (
        <Alert severity="error" role="alert" data-testid="mapping-error">
          {mappingError}
        </Alert>
      )}
      <SheetSample tab={tab} headerless={draft.headerless} />
    </Stack>
  );
}
