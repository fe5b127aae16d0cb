import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FolderIcon } from '../common/icons';
import { FileBrowser } from '../import/FileBrowser';
import { joinPath } from '../import/import-paths';
import type { FileBrowser as Browser } from '../import/use-file-browser';

const sheetExtensions = /\.(xlsx|xls|csv)$/i;

export interface SheetPickerProps {
  browser: Browser;
  sheet: string;
  onRoot: (dir: string) => void;
  onSheet: (file: string) => void;
}

/** Browses the backend machine: the open folder can become the dataset root, a spreadsheet in it the label sheet. */
export function SheetPicker({ browser, sheet, onRoot, onSheet }: SheetPickerProps) {
  const listing = browser.listing;
  const sheets = listing ? listing.entries.filter((e) => e.kind === 'file' && sheetExtensions.test(e.name)).map((e) => ({ name: e.name, path: joinPath(listing.dir, e.name) })) : [];
  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <FileBrowser browser={browser} mode="folder" selected={[]} onToggle={() => undefined} />
      <Button variant="outlined" startIcon={<FolderIcon />} disabled={!listing} onClick={() => listing && onRoot(listing.dir)} sx={{ alignSelf: 'flex-start' }}>
        Use this folder as the dataset root
      </Button>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }} aria-label="Spreadsheets in this folder">
        <Typography variant="body2" color="text.secondary">
          {sheets.length > 0 ? 'Label sheets here:' : 'No .xlsx, .xls or .csv file in this folder.'}
        </Typography>
        {sheets.map((file) => (
          <Chip
            key={file.path}
            label={file.name}
            color={file.path === sheet ? 'primary' : 'default'}
            variant={file.path === sheet ? 'filled' : 'outlined'}
            onClick={() => onSheet(file.path)}
            aria-pressed={file.path === sheet}
          />
        ))}
      </Stack>
    </Stack>
  );
}
