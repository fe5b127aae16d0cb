import { useEffect, useRef } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useStartedJob } from '../jobs/use-started-job';
import type { FaceBoxTool } from './use-face-box';

export interface FaceDetection {
  detect: (frame: number) => void;
  running: boolean;
  /** What the last detection on this recording found, in words; null before one finished. */
  outcome: string | null;
  error: string | null;
}

/**
 * Asks the offline face detector (the `recordings.detect-face` job) for a box on a frame. A face
 * it finds becomes the face-box tool's draft: the user saves or discards it like a drawn one.
 */
export function useFaceDetection(recording: Recording, tool: FaceBoxTool): FaceDetection {
  const job = useStartedJob('recordings.detect-face');
  const offered = useRef<number | null>(null);
  const result = job.result?.recordingId === recording.id ? job.result : null;
  const { propose } = tool;
  const finishedId = result ? (job.job?.id ?? null) : null;
  const found = result?.faceBox ?? null;
  useEffect(() => {
    // Each finished detection is offered once; a later draft or discard is the user's to keep.
    if (finishedId === null || offered.current === finishedId) return;
    offered.current = finishedId;
    if (found) propose(found);
  }, [finishedId, found, propose]);
  const failed = job.job?.status === 'failed' ? job.job.error : job.startError;
  return {
    detect: (frame) => void job.start({ recordingId: recording.id, frame }),
    running: job.running || job.starting,
    outcome: result ? (result.faceBox ? `Face on frame ${result.frame}, ${Math.round((result.score ?? 0) * 100)} % sure` : `No face found on frame ${result.frame}`) : null,
    error: failed ?? null,
  };
}
