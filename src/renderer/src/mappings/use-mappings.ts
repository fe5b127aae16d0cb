import { useApiQuery } from '../api/use-api-query';

/**
 * The label sets of the public datasets and a project's class mappings: its own (editable) and
 * the built-in ones (read-only). No event announces a mapping change, so whoever saves or deletes
 * one calls `mappings.reload()`.
 */
export function useMappings(projectId: number) {
  const sets = useApiQuery('labels.sets', {});
  const mappings = useApiQuery('mappings.list', { projectId });
  const own = (mappings.data ?? []).filter((m) => m.editable);
  const builtIn = (mappings.data ?? []).filter((m) => !m.editable);
  return { sets, mappings, own, builtIn };
}
