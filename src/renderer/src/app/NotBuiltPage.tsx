import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface NotBuiltPageProps {
  title: string;
  /** One sentence on what the page will do. */
  plan: string;
}

export function NotBuiltPage({ title, plan }: NotBuiltPageProps) {
  return (
    <Paper sx={{ p: 4, maxWidth: 720 }} data-testid="not-built-page">
      <Stack spacing={1.5}>
        <Typography variant="h1">{title}</Typography>
        <Typography sx={{ fontWeight: 600 }}>This page is not built yet.</Typography>
        <Typography color="text.secondary">{plan}</Typography>
      </Stack>
    </Paper>
  );
}
