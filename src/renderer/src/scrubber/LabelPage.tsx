import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { hrefOf, useHashId, useHashParam } from '../app/use-hash-route';
import { RecordingPicker } from './RecordingPicker';
import { ScrubberView } from './ScrubberView';

function OpenRecording({ id }: { id: number }) {
  const eventId = useHashParam('event');
  const query = useApiQuery('recordings.get', { id });
  // The copy a save on this page returned, shown until the reload it triggers answers.
  const [saved, setSaved] = useState<{ recording: Recording; over: Recording | undefined } | null>(null);
  const loaded = query.data;
  const recording = saved && saved.over === loaded ? saved.recording : loaded;

  useApiEvent('recordings.changed', (payload) => {
    if (loaded && payload.projectId === loaded.projectId) query.reload();
  });

  if (query.error) {
    return (
      <Stack spacing={2} sx={{ p: 3, maxWidth: 720 }}>
        <Alert severity="error">{query.error.message}</Alert>
        <Button href={hrefOf('label')} sx={{ alignSelf: 'flex-start' }}>
          Choose another recording
        </Button>
      </Stack>
    );
  }
  if (!recording) return <LinearProgress aria-label="Loading the recording" />;
  return (
    <ScrubberView
      // A re-import stores frames elsewhere: start with a fresh cache then.
      key={`${recording.id}:${recording.mediaPath}:${recording.frameCount}`}
      recording={recording}
      eventId={eventId}
      onRecordingChange={(next) => {
        setSaved({ recording: next, over: loaded });
        query.reload();
      }}
    />
  );
}

/** `#/label/<recording id>` opens the scrubber; `#/label` asks which recording. */
export function LabelPage() {
  const id = useHashId();
  return id === null ? <RecordingPicker /> : <OpenRecording key={id} id={id} />;
}
