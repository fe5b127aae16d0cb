import path from 'node:path';
import type { AppInfo } from '../../shared/api/app';
import { appHandlers } from './app/handlers';
import { backupHandlers } from './backups/handlers';
import { sweepBackupLeftovers } from './backups/layout';
import { sweepRestoreLeftovers } from './backups/restore';
import { startBackupScheduler } from './backups/scheduler';
import { createBackupSettingsRepository } from './db/repositories/backup-settings';
import { openDatabase, schemaVersion, type Db } from './db/connection';
import { createEventsRepository } from './db/repositories/events';
import { createJobsRepository } from './db/repositories/jobs';
import { createProjectsRepository } from './db/repositories/projects';
import { createRecordingsRepository } from './db/repositories/recordings';
import { createSessionsRepository } from './db/repositories/sessions';
import { createSubjectsRepository } from './db/repositories/subjects';
import { databaseFileName, lockDataDir } from './data-dir';
import { datasetHandlers } from './datasets/handlers';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatch';
import { createEventBus, type EventBus } from './events';
import { jobHandlers } from './jobs/handlers';
import type { JobHost } from './jobs/protocol';
import { createJobSupervisor } from './jobs/supervisor';
import type { ToolSettings } from './media/locate-tools';
import { labelHandlers } from './labels/handlers';
import { mappingHandlers } from './labels/mappings';
import { sweepFrameStore } from './media/frame-store';
import { sweepRunFolders } from './training/run-folders';
import { removeLeftPartialFolders } from './exports/partial-folders';
import { mediaHandlers } from './media/handlers';
import { projectHandlers } from './projects/handlers';
import { recordingHandlers } from './recordings/handlers';
import { sessionHandlers } from './recordings/session-handlers';
import { subjectHandlers } from './subjects/handlers';
import { createTrainingRunsRepository } from './db/repositories/training-runs';
import { trainingHandlers } from './training/handlers';

export interface BackendOptions {
  dataDir: string;
  host: AppInfo['host'];
  jobHost: JobHost;
  tools?: ToolSettings;
  jobs?: { concurrency?: number; graceMs?: number; progressIntervalMs?: number };
}

export interface Backend extends Dispatcher {
  readonly dataDir: string;
  /** Frames and other media served by URL live below this folder. */
  readonly mediaDir: string;
  readonly events: EventBus;
  /** Stops jobs (cancel, then kill after the grace period) and closes the database. */
  close(): Promise<void>;
}

function openOrRelease(dbFile: string, unlock: () => void): Db {
  try {
    return openDatabase(dbFile);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** The composition root of the backend: everything a host needs, and nothing Electron-specific. */
export function createBackend(options: BackendOptions): Backend {
  const dataDir = path.resolve(options.dataDir);
  const unlock = lockDataDir(dataDir);
  const dbFile = path.join(dataDir, databaseFileName);
  const db = openOrRelease(dbFile, unlock);
  const events = createEventBus();
  const repos = {
    projects: createProjectsRepository(db),
    subjects: createSubjectsRepository(db),
    jobs: createJobsRepository(db),
    recordings: createRecordingsRepository(db),
    sessions: createSessionsRepository(db),
  };
  // Exports a dead process was writing left partial folders beside their targets.
  removeLeftPartialFolders(repos.jobs.listActive());
  repos.jobs.interruptLeftovers();
  const runs = createTrainingRunsRepository(db);
  runs.interruptRunning();
  const sweptRuns = sweepRunFolders(dataDir, runs.ids());
  if (sweptRuns.length > 0) console.warn(`[backend] removed ${sweptRuns.length} run folder(s) of deleted runs`);
  const mediaDir = path.join(dataDir, 'media');
  const swept = sweepFrameStore(mediaDir, repos.recordings.mediaPaths());
  if (swept.length > 0) console.warn(`[backend] removed ${swept.length} frame folder(s) left by an interrupted import or delete`);
  sweepRestoreLeftovers(dataDir);
  sweepBackupLeftovers(dataDir);
  const supervisor = createJobSupervisor({ jobs: repos.jobs, events, host: options.jobHost, dataDir, dbFile, tools: options.tools ?? {}, ...options.jobs });

  const handlers: Handlers = {
    ...appHandlers({ dataDir, host: options.host, schemaVersion: () => schemaVersion(db), tools: options.tools ?? {} }),
    ...projectHandlers(repos.projects, events, {
      labelSetChanged: (projectId) => createEventsRepository(db).refreshEmotions(projectId),
      deleted: () => sweepRunFolders(dataDir, runs.ids()),
    }),
    ...subjectHandlers(repos.subjects, repos.projects, events),
    ...jobHandlers(repos.jobs, supervisor),
    ...recordingHandlers(db, repos.recordings, repos.jobs, mediaDir, events),
    ...sessionHandlers(db, repos.sessions, events),
    ...mediaHandlers(options.tools ?? {}),
    ...labelHandlers(db, events),
    ...mappingHandlers(db),
    ...datasetHandlers(db),
    ...trainingHandlers(db),
    ...backupHandlers({ db, dataDir, jobs: repos.jobs, supervisor }),
  };
  const dispatcher = createDispatcher(handlers);
  const backupScheduler = startBackupScheduler({ settings: createBackupSettingsRepository(db), jobs: repos.jobs, supervisor });
  let closed: Promise<void> | undefined;

  return {
    ...dispatcher,
    dataDir,
    mediaDir,
    events,
    close() {
      closed ??= (async () => {
        backupScheduler.stop();
        await supervisor.close();
        db.close();
        unlock();
      })();
      return closed;
    },
  };
}
