import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { JobKind } from '../../../shared/api/jobs';
import type { FrameFormat } from '../../../shared/api/recordings';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';
import { isImageFile, isVideoFile, joinPath, parseCameraSettings, type ImportMode } from './import-paths';
import { useFileBrowser, type FileBrowser } from './use-file-browser';
import { useImageScan, useProbes } from './use-inspection';

export interface SessionFields {
  capturedOn: string;
  operator: string;
  camera: string;
  notes: string;
}

type Params = Record<string, unknown>;

function optional(key: string, value: string): Params {
  return value.trim() === '' ? {} : { [key]: value.trim() };
}

/** The state of the import dialog: what to read, how to file it, and the jobs it started. */
export function useImportForm(projectId: number, defaultFps: number) {
  const client = useApi();
  const { track } = useJobsContext();
  const browser: FileBrowser = useFileBrowser();
  const [mode, setMode] = useState<ImportMode>('video');
  const [selectedVideos, setSelectedVideos] = useState<string[]>([]);
  const [stimuli, setStimuli] = useState<Record<string, string>>({});
  const [subjectId, setSubjectId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [stimulus, setStimulus] = useState('');
  const [fpsText, setFpsText] = useState(String(defaultFps));
  const [frameFormat, setFrameFormat] = useState<FrameFormat>('jpg');
  const [session, setSession] = useState<SessionFields>({ capturedOn: '', operator: '', camera: '', notes: '' });
  const [startedJobs, setStartedJobs] = useState<number[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const listing = browser.listing;
  const files = listing?.entries.filter((e) => e.kind === 'file') ?? [];
  const hasImages = files.some((e) => isImageFile(e.name));
  const folderVideos = listing ? files.filter((e) => isVideoFile(e.name)).map((e) => joinPath(listing.dir, e.name)) : [];
  const imageDir = mode === 'images' && listing && hasImages ? listing.dir : null;
  const sessionDir = mode === 'session' && listing && folderVideos.length > 0 ? listing.dir : null;
  const probedPaths = mode === 'video' ? selectedVideos : mode === 'session' ? folderVideos : [];
  const probes = useProbes(probedPaths);
  const scan = useImageScan(imageDir);
  const fps = Number(fpsText);
  const fpsInvalid = mode === 'images' && !(fpsText.trim() !== '' && Number.isFinite(fps) && fps > 0);

  const toggleVideo = (path: string) =>
    setSelectedVideos((current) => (current.includes(path) ? current.filter((p) => p !== path) : [...current, path]));
  const setFileStimulus = (path: string, value: string) => setStimuli((current) => ({ ...current, [path]: value }));

  const jobs = (): [JobKind, Params][] => {
    const target: Params = { projectId, ...(subjectId === null ? {} : { subjectId }) };
    if (mode === 'video') {
      return selectedVideos.map((path) => [
        'recordings.import-video',
        { ...target, path, frameFormat, ...optional('stimulus', stimuli[path] ?? ''), ...(selectedVideos.length === 1 ? optional('name', name) : {}) },
      ]);
    }
    if (mode === 'images' && imageDir) {
      return [['recordings.import-images', { ...target, dir: imageDir, fps, ...optional('stimulus', stimulus), ...optional('name', name) }]];
    }
    if (mode === 'session' && sessionDir) {
      const camera = parseCameraSettings(session.camera);
      return [
        [
          'recordings.import-session',
          {
            ...target,
            dir: sessionDir,
            frameFormat,
            ...optional('capturedOn', session.capturedOn),
            ...optional('operator', session.operator),
            ...optional('notes', session.notes),
            ...(Object.keys(camera).length > 0 ? { camera } : {}),
          },
        ],
      ];
    }
    return [];
  };

  const blocked =
    mode === 'video'
      ? selectedVideos.length === 0
        ? 'Tick one or more videos'
        : [...probes.values()].some((p) => p.state !== 'done')
          ? 'Every video must be readable'
          : null
      : mode === 'images'
        ? scan?.state !== 'done'
          ? 'Open a folder of numbered images'
          : fpsInvalid
            ? 'Give the frame rate'
            : null
        : sessionDir === null
          ? 'Open the folder of one session'
          : null;

  const submit = async () => {
    setPending(true);
    setError(null);
    const ids: number[] = [];
    try {
      for (const [kind, params] of jobs()) {
        const job = await client.call('jobs.start', { kind, params });
        track(job);
        ids.push(job.id);
      }
    } catch (thrown) {
      setError(asApiError(thrown));
    } finally {
      setPending(false);
      if (ids.length > 0) setStartedJobs((current) => [...current, ...ids]);
    }
  };

  const reset = () => {
    setStartedJobs([]);
    setSelectedVideos([]);
    setStimuli({});
    setName('');
    setStimulus('');
    setError(null);
  };

  return {
    browser,
    mode,
    setMode: (next: ImportMode) => {
      setMode(next);
      setError(null);
    },
    selectedVideos,
    toggleVideo,
    stimuli,
    setFileStimulus,
    subjectId,
    setSubjectId,
    name,
    setName,
    stimulus,
    setStimulus,
    fpsText,
    setFpsText,
    fpsInvalid,
    frameFormat,
    setFrameFormat,
    session,
    setSession,
    folderVideos,
    probes,
    scan,
    blocked,
    pending,
    error,
    submit,
    startedJobs,
    reset,
  };
}

export type ImportForm = ReturnType<typeof useImportForm>;
