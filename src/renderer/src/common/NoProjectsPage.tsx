import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** A page that works on a project, shown before there is one: its title and what to do first. */
export function NoProjectsPage({ title, hint }: { title: string; hint: string }) {
  return (
    <Stack spacing={2}>
      <Typography variant="h1">{title}</Typography>
      <Typography color="text.secondary">No projects yet: {hint}</Typography>
    </Stack>
  );
}
