import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Project } from '../../../shared/api/projects';
import type { Subject } from '../../../shared/api/subjects';
import { useApiQuery } from '../api/use-api-query';
import { useAnnotatorSession } from '../annotators/annotator-context';
import { hrefOf } from '../app/use-hash-route';
import { EventFilters } from '../events/EventFilters';
import { EventsTable } from '../events/EventsTable';
import { useEventPage } from '../events/use-event-page';

/** Every labelled event of the project, filtered and paginated; a row opens it in the Label page. */
export function ProjectEventsSection({ project, subjects }: { project: Project; subjects: readonly Subject[] }) {
  const list = useEventPage({ projectId: project.id }, 25);
  const recordings = useApiQuery('recordings.list', { projectId: project.id });
  const { annotators } = useAnnotatorSession();
  const names = new Map((recordings.data ?? []).map((r) => [r.id, r.name]));
  return (
    <Box component="section" aria-labelledby="events-heading" data-testid="project-events">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="h3" component="h3" id="events-heading">
          Events
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {list.total} {Object.keys(list.filter).some((k) => list.filter[k as keyof typeof list.filter] !== undefined) ? 'matching' : 'in this project'}
        </Typography>
      </Stack>
      <Box sx={{ px: 2, pb: 1 }}>
        <EventFilters filter={list.filter} onChange={list.setFilter} onClear={list.clearFilter} labelSet={project.labelSet} subjects={subjects} annotators={annotators} />
      </Box>
      <EventsTable
        list={list}
        recordingName={(id) => names.get(id) ?? `recording ${id}`}
        onOpen={(e) => {
          window.location.hash = hrefOf('label', e.recordingId, { event: e.id });
        }}
      />
    </Box>
  );
}
