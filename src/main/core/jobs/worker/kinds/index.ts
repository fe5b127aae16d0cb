import type { JobKind } from '../../../../../shared/api/jobs';
import type { JobRunner } from '../context';
import { backupDatabase } from './backup';
import { integrityCheck } from './integrity';
import { importImagesJob, importSessionJob, importVideoJob } from '../../../recordings/import-jobs';
import { createDemoJob } from './demo';
import { exportJob } from '../../../exports/export-job';
import { importDatasetJob } from '../../../datasets/import/apply';
import { trainingJob, trainingProbeJob } from '../../../training/training-job';
import { exportArchiveJob } from '../../../archive/export-archive';
import { importArchiveJob } from '../../../archive/import-archive';
import { modelExportJob } from '../../../models/export-job';
import { modelPredictJob } from '../../../models/predict-job';
import { detectFaceJob, detectFacesJob } from '../../../recordings/detect-face-job';

/** The code behind each job kind of the contract. */
export const runners: Record<JobKind, JobRunner> = {
  'db.integrity': integrityCheck,
  'db.backup': backupDatabase,
  'recordings.import-video': importVideoJob,
  'recordings.import-images': importImagesJob,
  'recordings.import-session': importSessionJob,
  'recordings.detect-face': detectFaceJob,
  'recordings.detect-faces': detectFacesJob,
  'datasets.import': importDatasetJob,
  'demo.create': createDemoJob,
  'datasets.export': exportJob,
  'training.run': trainingJob,
  'training.probe': trainingProbeJob,
  'projects.export-archive': exportArchiveJob,
  'projects.import-archive': importArchiveJob,
  'models.export': modelExportJob,
  'models.predict': modelPredictJob,
};
