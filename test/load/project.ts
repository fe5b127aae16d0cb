import path from 'node:path';
import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../src/shared/client/api-client';
import { createHttpTransport } from '../../src/shared/client/http-transport';
import { makeClip } from '../helpers/media';

/** The project the scripted annotators label: one recording, its frame range and the coders. */
export interface LoadProject {
  projectId: number;
  recordingId: number;
  firstFrame: number;
  lastFrame: number;
  labelSet: string[];
  annotatorIds: number[];
}

export interface RemoteClient {
  client: ApiClient;
  close(): void;
}

/** One annotator's own connection to the server (its own HTTP calls and events socket), as a lab machine would have. */
export function connectClient(baseUrl: string, token: string): RemoteClient {
  const transport = createHttpTransport({ baseUrl, token, createWebSocket: (url) => new WebSocket(url), reconnectMs: 50 });
  return { client: createApiClient(transport), close: () => transport.close() };
}

/** A project with one recording imported from a tiny generated clip (the cheapest real import), and `annotators` coders. */
export async function prepareLoadProject(client: ApiClient, workDir: string, annotators: number): Promise<LoadProject> {
  const clip = makeClip(path.join(workDir, 'load-clip.mp4'), { frames: 100, width: 64, height: 64 });
  const project = await client.call('projects.create', { name: `Load ${path.basename(workDir)}` });
  const job = await client.call('jobs.start', { kind: 'recordings.import-video', params: { projectId: project.id, path: clip } });
  const done = await client.call('jobs.wait', { id: job.id, timeoutMs: 120_000 });
  if (done.status !== 'succeeded') throw new Error(`Importing the load clip ended ${done.status}: ${done.error ?? ''}`);
  const [recording] = await client.call('recordings.list', { projectId: project.id });
  if (!recording) throw new Error('The imported load clip is not in the project');
  const annotatorIds: number[] = [];
  for (let i = 1; i <= annotators; i++) annotatorIds.push((await client.call('annotators.create', { name: `load-coder-${i}` })).id);
  return { projectId: project.id, recordingId: recording.id, firstFrame: recording.firstFrame, lastFrame: recording.lastFrame, labelSet: project.labelSet, annotatorIds };
}
