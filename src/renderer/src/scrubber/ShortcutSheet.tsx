import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { shortcutGroups, type ShortcutGroup } from './shortcuts';

function Key({ children }: { children: string }) {
  return (
    <Box
      component="kbd"
      sx={{ fontFamily: 'ui-monospace, monospace', fontSize: 12, px: 0.75, py: 0.1, border: 1, borderColor: 'divider', borderBottomWidth: 2, borderRadius: 0.75, bgcolor: 'action.hover', whiteSpace: 'nowrap' }}
    >
      {children}
    </Box>
  );
}

/** Every key of the scrubber (and of the tools on top of it, `extra`), grouped (opened with ?). */
export function ShortcutSheet({ open, onClose, extra = [] }: { open: boolean; onClose: () => void; extra?: ShortcutGroup[] }) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Keyboard shortcuts</DialogTitle>
      <DialogContent dividers sx={{ columnCount: { xs: 1, md: 2 }, columnGap: 4 }}>
        {[...extra, ...shortcutGroups].map((group) => (
          <Box key={group.title} sx={{ breakInside: 'avoid', mb: 2 }}>
            <Typography variant="overline" color="text.secondary" sx={{ fontWeight: 700 }}>
              {group.title}
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
              {group.keys.map((k) => (
                <Box key={k.action} sx={{ display: 'contents' }}>
                  <Box component="dt" sx={{ display: 'flex', gap: 0.5 }}>
                    {k.keys.map((key) => (
                      <Key key={key}>{key}</Key>
                    ))}
                  </Box>
                  <Box component="dd" sx={{ m: 0, fontSize: 13 }}>
                    {k.action}
                  </Box>
                </Box>
              ))}
            </Box>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
