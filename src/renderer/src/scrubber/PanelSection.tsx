import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled block of the Label page's side panel. */
export function PanelSection({ title, action, children, label }: { title: string; action?: ReactNode; children: ReactNode; label?: string }) {
  return (
    <Box component="section" aria-label={label ?? title} sx={{ px: 1.75, py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 0.75, minHeight: 26 }}>
        <Typography variant="overline" sx={{ flex: 1, lineHeight: 1.5, letterSpacing: 1, color: 'text.secondary', fontWeight: 700 }}>
          {title}
        </Typography>
        {action}
      </Box>
      {children}
    </Box>
  );
}

/** Label–value rows in two aligned columns. */
export function Facts({ rows }: { rows: [string, ReactNode, string?][] }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.25 }}>
      {rows.map(([label, value, testId]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="body2" data-testid={testId} sx={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 12.5, fontVariantNumeric: 'tabular-nums', textAlign: 'right' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
