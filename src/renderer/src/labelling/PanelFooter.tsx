import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/errors';

/**
 * The editor's actions, kept in view at the bottom of the panel however far it is scrolled,
 * with the reason of a refused save (every field the server named) right above them.
 */
export function PanelFooter({ error, hint, children }: { error: ApiError | null; hint?: string | null; children: ReactNode }) {
  const lines = error ? (error.issues && error.issues.length > 0 ? error.issues.map((i) => `${i.path}: ${i.message}`) : [error.message]) : [];
  return (
    <Box sx={{ position: 'sticky', bottom: 0, zIndex: 2, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider', px: 1.75, py: 1, mx: -1.75, mb: -1.75 }}>
      {hint && (
        <Box role="status" data-testid="draft-hint" sx={{ color: 'warning.light', fontSize: 12.5, mb: 0.75 }}>
          {hint}
        </Box>
      )}
      {lines.length > 0 && (
        <Box role="status" data-testid="save-refused" sx={{ color: 'error.light', fontSize: 12.5, mb: 0.75 }}>
          Not saved — {lines.join('; ')}
        </Box>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {children}
      </Stack>
    </Box>
  );
}
