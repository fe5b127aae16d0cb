import type { JobKind } from '../../../../../shared/api/jobs';
import type { JobRunner } from '../context';
import { backupDatabase } from './backup';
import { integrityCheck } from './integrity';

/** The code behind each job kind of the contract. */
export const runners: Record<JobKind, JobRunner> = {
  'db.integrity': integrityCheck,
  'db.backup': backupDatabase,
};
