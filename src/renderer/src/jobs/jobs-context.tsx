import { createContext, useContext, type ReactNode } from 'react';
import type { Jobs } from './use-jobs';

const JobsContext = createContext<Jobs | null>(null);

/** Shares the one live job list of the shell with the pages that start or follow jobs. */
export function JobsProvider({ jobs, children }: { jobs: Jobs; children: ReactNode }) {
  return <JobsContext value={jobs}>{children}</JobsContext>;
}

export function useJobsContext(): Jobs {
  const jobs = useContext(JobsContext);
  if (!jobs) throw new Error('useJobsContext must be used inside <JobsProvider>');
  return jobs;
}
