import type { TrainingConfig } from '../../../shared/api/training';
import { useApiQuery } from '../api/use-api-query';

/** "Demo + Demo B": the projects whose events the run trained on, its own first (ids until the names are read, or for a deleted project). */
export function RunProjects({ config }: { config: TrainingConfig }) {
  const projects = useApiQuery('projects.list', {});
  const names = [config.projectId, ...config.data.extraProjectIds].map((id) => projects.data?.find((p) => p.id === id)?.name ?? `project ${id}`);
  return <span data-testid="run-projects">{names.join(' + ')}</span>;
}
