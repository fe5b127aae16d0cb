import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { LabelEvent } from '../../../shared/api/events';
import type { Subject } from '../../../shared/api/subjects';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { actionLabels, fieldChanges } from './history-diff';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const actionColour = { create: 'success', update: 'info', delete: 'error', undo: 'warning', redo: 'warning' } as const;

/** Who changed the selected event, when, and what (before → after), newest first. */
export function HistoryPanel({ event, subjects }: { event: LabelEvent | null; subjects: readonly Subject[] }) {
  const history = useApiQuery('events.history', event ? { id: event.id } : null);
  useApiEvent('events.changed', (p) => {
    if (event && p.recordingId === event.recordingId) history.reload();
  });
  if (!event) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        Select an event to see who changed it, when, and how.
      </Typography>
    );
  }
  const subjectName = (id: number) => subjects.find((s) => s.id === id)?.code ?? `subject ${id}`;
  const changes = [...(history.data ?? [])].reverse();
  return (
    <Box data-testid="history-panel">
      <Box sx={{ height: 2 }}>{history.loading && <LinearProgress aria-label="Loading the history" />}</Box>
      {history.error && <Alert severity="error">{history.error.message}</Alert>}
      <Box component="ol" aria-label={`History of event ${event.id}`} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {changes.map((c) => (
          <Box component="li" key={c.id} data-testid="history-entry" sx={{ px: 1.75, py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
              <Chip size="small" label={actionLabels[c.action]} color={actionColour[c.action]} variant="outlined" sx={{ height: 20 }} />
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {c.annotatorName}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
                {when.format(new Date(c.at))}
              </Typography>
            </Box>
            <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: 12, width: '100%', '& td': { py: 0.1, pr: 1, verticalAlign: 'top' } }}>
              <tbody>
                {fieldChanges(c, subjectName).map((f) => (
                  <tr key={f.field} data-testid="history-change">
                    <Box component="td" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                      {f.label}
                    </Box>
                    <Box component="td" sx={{ fontFamily: mono, overflowWrap: 'anywhere' }}>
                      <Box component="span" sx={{ color: 'error.light', textDecoration: c.before === null ? 'none' : 'line-through' }}>
                        {f.before}
                      </Box>
                      {' → '}
                      <Box component="span" sx={{ color: 'success.light' }}>
                        {f.after}
                      </Box>
                    </Box>
                  </tr>
                ))}
              </tbody>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
