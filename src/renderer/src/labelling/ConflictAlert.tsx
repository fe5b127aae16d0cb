import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useRef } from 'react';
import { eventSummary } from './event-values';
import type { Conflict } from './use-event-writes';

export interface ConflictAlertProps {
  conflict: Conflict;
  pending: boolean;
  onLoadCurrent: () => void;
  onReapply: () => void;
}

/** A stale edit was refused: the server's message, the event as it is now, and the two ways on. */
export function ConflictAlert({ conflict, pending, onLoadCurrent, onReapply }: ConflictAlertProps) {
  const { current } = conflict;
  const ref = useRef<HTMLDivElement>(null);
  // The save was pressed at the bottom of a long form: bring the news into view.
  // (A block: Chromium's scrollIntoView may return a promise, which is no effect cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);
  return (
    <Alert ref={ref} severity="warning" role="alert" data-testid="conflict" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>Not saved: someone changed this event</AlertTitle>
      <Box data-testid="conflict-message" sx={{ mb: 1 }}>
        {conflict.message}
      </Box>
      <Box sx={{ fontSize: 12.5, mb: 1 }}>
        Current value{current ? ` (version ${current.version}, by ${current.annotatorName})` : ''}:{' '}
        <Box component="strong" data-testid="conflict-current" sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>
          {current ? eventSummary(current) : 'the event was deleted'}
        </Box>
      </Box>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" color="inherit" onClick={onLoadCurrent} disabled={pending}>
          {current ? 'Load current' : 'Close'}
        </Button>
        {current && (
          <Button variant="contained" color="warning" onClick={onReapply} loading={pending}>
            {conflict.refused.kind === 'delete' ? 'Delete anyway' : 'Re-apply my changes'}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
