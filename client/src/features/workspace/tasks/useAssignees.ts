import { ZAssigneeList } from '@mandap/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/** Staff a task can be assigned to (cached; offline the last list is kept by TanStack Query while the tab lives). */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: ['workspace', 'assignees'],
    queryFn: ({ signal }) => api('/api/workspace/assignees', { schema: ZAssigneeList, signal }),
    select: (d) => d.people,
    staleTime: 5 * 60_000,
    enabled,
  });
}
