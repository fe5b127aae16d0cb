import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FileBrowser } from '../import/use-file-browser';
import { SheetPicker } from './SheetPicker';
import { formatChoices, needsFps, type FormatChoice } from './source-params';
import type { DatasetImport } from './use-dataset-import';

const mono = { spellCheck: false, style: { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 13 } };

function Recognised({ wizard }: { wizard: DatasetImport }) {
  const { report, checking, fields } = wizard;
  if (checking) {
    return (
      <Typography variant="body2" color="text.secondary">
        <CircularProgress size={12} sx={{ mr: 1, verticalAlign: 'middle' }} aria-label="Reading the sheet" />
        Reading the sheet and looking for the clip folders…
      </Typography>
    );
  }
  if (!report) return null;
  const how = fields.format === 'auto' ? 'Recognised' : 'Read';
  return (
    <Typography variant="body2" data-testid="recognised-format">
      {how} as <b>{report.formatName}</b> at {report.fps} fps: {report.counts.rows} rows, {report.counts.imported} of them can be imported.
    </Typography>
  );
}

/** Step 1: where the dataset is, its label sheet, and which format it is. */
export function SourceStep({ wizard, browser, defaultFps }: { wizard: DatasetImport; browser: FileBrowser; defaultFps: number }) {
  const { fields, setField, blame } = wizard;
  const rootError = blame('root');
  const sheetError = blame('sheet');
  const smic = fields.format === 'smic';
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 6fr)' }, gap: 2.5 }}>
      <SheetPicker browser={browser} sheet={fields.sheet} onRoot={(dir) => setField('root', dir)} onSheet={(file) => setField('sheet', file)} />
      <Stack spacing={2} component="section" aria-label="Dataset">
        <TextField
          label="Dataset root folder"
          value={fields.root}
          onChange={(e) => setField('root', e.target.value)}
          error={rootError !== undefined}
          helperText={rootError ?? 'The folder that holds the clip folders (or a folder above them)'}
          slotProps={{ htmlInput: mono }}
        />
        <Box>
          <TextField
            fullWidth
            label="Label sheet"
            value={smic ? '' : fields.sheet}
            disabled={smic}
            onChange={(e) => setField('sheet', e.target.value)}
            error={sheetError !== undefined}
            helperText={sheetError ?? (smic ? 'SMIC has no label sheet: its labels are its folder names' : 'The dataset’s coding sheet: .xlsx, .xls or .csv')}
            slotProps={{ htmlInput: mono }}
          />
          {sheetError !== undefined && fields.format === 'auto' && (
            <Button size="small" sx={{ mt: 0.5 }} onClick={() => setField('format', 'generic')}>
              Choose its columns by hand (generic sheet)
            </Button>
          )}
        </Box>
        <Stack direction="row" spacing={1.5}>
          <TextField
            select
            label="Format"
            value={fields.format}
            onChange={(e) => setField('format', e.target.value as FormatChoice)}
            error={blame('format') !== undefined}
            helperText={blame('format')}
            sx={{ minWidth: 260 }}
          >
            {formatChoices.map((choice) => (
              <MenuItem key={choice.value} value={choice.value}>
                {choice.label}
              </MenuItem>
            ))}
          </TextField>
          {needsFps(fields.format) && (
            <TextField
              label="Frame rate (fps)"
              value={fields.fpsText}
              onChange={(e) => setField('fpsText', e.target.value)}
              placeholder={smic ? '100 HS, 25 VIS/NIR' : String(defaultFps)}
              error={blame('fps') !== undefined}
              helperText={blame('fps') ?? (smic ? 'Empty: from the HS/VIS/NIR folders' : `Empty: the project’s ${defaultFps} fps`)}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
              sx={{ width: 200 }}
            />
          )}
        </Stack>
        <Recognised wizard={wizard} />
      </Stack>
    </Box>
  );
}
