import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { isArchiveFileName } from '../../../shared/api/project-archive';
import { FileIcon, FolderIcon, HomeIcon, ImageIcon, MovieIcon, UpIcon } from '../common/icons';
import { formatBytes } from '../common/media-format';
import { isImageFile, isVideoFile, joinPath, type ImportMode } from './import-paths';
import type { FileBrowser as Browser } from './use-file-browser';

/**
 * `folder`: the folder itself is what is chosen (e.g. where an export goes); files are only shown.
 * `archive`: one project archive file is picked.
 */
export type BrowseMode = ImportMode | 'folder' | 'archive';

export interface FileBrowserProps {
  browser: Browser;
  mode: BrowseMode;
  /** Chosen video files (full backend paths), in video mode. */
  selected: readonly string[];
  onToggle: (path: string) => void;
}

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
/** Image sequences hold thousands of files; past this many the list stops and says how many more. */
const maxShown = 400;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(mode: BrowseMode, videos: number, images: number, entries: number, archives: number): string {
  if (mode === 'archive') return archives > 0 ? `${count(archives, 'project archive', 'project archives')} here: pick one` : 'No project archives (.merproj) in this folder';
  if (mode === 'folder') return entries > 0 ? `${count(entries, 'item', 'items')} in this folder` : 'This folder is empty';
  if (mode === 'images') return images > 0 ? `${count(images, 'image file', 'image files')} in this folder` : 'No image files here: open the folder of one image sequence';
  if (mode === 'session') return videos > 0 ? `${count(videos, 'video', 'videos')} in this folder` : 'No videos here: open the folder of one capture session';
  return videos > 0 ? `${count(videos, 'video', 'videos')} here: tick the ones to import` : 'No videos in this folder';
}

/** A folder view of the backend machine, with a path field for typing or pasting a folder. */
export function FileBrowser({ browser, mode, selected, onToggle }: FileBrowserProps) {
  const { listing } = browser;
  // What the user typed belongs to the folder they asked for: it survives that folder's listing
  // arriving (typing while it loads must not be lost) and goes when they open another folder.
  const [typed, setTyped] = useState<{ for: string | null; text: string } | null>(null);
  const pathText = typed && typed.for === browser.requested ? typed.text : (listing?.dir ?? browser.requested ?? '');
  const allEntries = listing?.entries ?? [];
  const entries = allEntries.slice(0, maxShown);
  const videos = allEntries.filter((e) => e.kind === 'file' && isVideoFile(e.name)).length;
  const images = allEntries.filter((e) => e.kind === 'file' && isImageFile(e.name)).length;
  const archives = allEntries.filter((e) => e.kind === 'file' && isArchiveFileName(e.name)).length;

  const go = (event: FormEvent) => {
    event.preventDefault();
    const dir = pathText.trim();
    if (dir !== '') browser.open(dir);
    setTyped(null);
  };

  return (
    <Stack spacing={1} sx={{ minWidth: 0 }}>
      <Stack direction="row" spacing={0.5} component="form" onSubmit={go} sx={{ alignItems: 'center' }}>
        <Tooltip title="Parent folder">
          <span>
            <IconButton aria-label="Parent folder" disabled={!listing?.parent} onClick={() => listing?.parent && browser.open(listing.parent)}>
              <UpIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Default folder">
          <IconButton aria-label="Default folder" onClick={() => browser.open(null)}>
            <HomeIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <TextField
          label="Folder on the backend machine"
          value={pathText}
          onChange={(e) => setTyped({ for: browser.requested, text: e.target.value })}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: mono, fontSize: 12 } } }}
        />
      </Stack>
      <Box sx={{ height: 2 }}>{browser.loading && <LinearProgress aria-label="Loading folder" />}</Box>
      {browser.error && (
        <Alert severity="error" role="alert">
          {browser.error.message}
        </Alert>
      )}
      <List
        dense
        aria-label="Folder contents"
        data-testid="file-browser"
        sx={{ height: 260, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, py: 0 }}
      >
        {entries.map((entry) => {
          const path = listing ? joinPath(listing.dir, entry.name) : entry.name;
          if (entry.kind === 'dir') {
            return (
              <ListItemButton key={entry.name} onClick={() => browser.open(path)} sx={{ py: 0 }} aria-label={`Folder ${entry.name}`}>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <FolderIcon fontSize="small" sx={{ color: '#c79a3b' }} />
                </ListItemIcon>
                <ListItemText primary={entry.name} slotProps={{ primary: { sx: { fontFamily: mono, fontSize: 12 } } }} />
              </ListItemButton>
            );
          }
          const video = isVideoFile(entry.name);
          const image = isImageFile(entry.name);
          const archive = mode === 'archive' && isArchiveFileName(entry.name);
          const pickable = (mode === 'video' && video) || archive;
          const relevant = mode === 'images' ? image : mode === 'video' || mode === 'session' ? video : archive;
          const checked = selected.includes(path);
          return (
            <ListItemButton
              key={entry.name}
              disabled={!pickable && (mode === 'video' || mode === 'archive')}
              onClick={pickable ? () => onToggle(path) : undefined}
              sx={{ py: 0, opacity: relevant ? 1 : 0.55, cursor: pickable ? 'pointer' : 'default' }}
              aria-label={`File ${entry.name}`}
              aria-pressed={pickable ? checked : undefined}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                {pickable ? (
                  <Checkbox edge="start" size="small" checked={checked} tabIndex={-1} disableRipple sx={{ p: 0 }} />
                ) : video ? (
                  <MovieIcon fontSize="small" color="action" />
                ) : image ? (
                  <ImageIcon fontSize="small" color="action" />
                ) : (
                  <FileIcon fontSize="small" color="disabled" />
                )}
              </ListItemIcon>
              <ListItemText primary={entry.name} slotProps={{ primary: { sx: { fontFamily: mono, fontSize: 12 } } }} />
              <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums', ml: 1 }}>
                {formatBytes(entry.sizeBytes)}
              </Typography>
            </ListItemButton>
          );
        })}
        {allEntries.length > maxShown && (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
            … and {allEntries.length - maxShown} more
          </Typography>
        )}
        {listing && entries.length === 0 && (
          <Typography color="text.secondary" sx={{ p: 2 }}>
            This folder is empty.
          </Typography>
        )}
      </List>
      <Typography variant="caption" color="text.secondary" data-testid="file-browser-summary">
        {listing ? summary(mode, videos, images, allEntries.length, archives) : ' '}
      </Typography>
    </Stack>
  );
}
