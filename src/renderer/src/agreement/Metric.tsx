import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** A figure of the report: a large number with its label and a few words under it. */
export function Metric({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {label}
      </Typography>
      <Typography data-testid={testId} sx={{ fontSize: 22, fontWeight: 600, fontVariantNumeric: 'tabular-nums', lineHeight: 1.3 }}>
        {value}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
    </Box>
  );
}
