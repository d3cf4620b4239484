import { ZAssigneeList } from '@mandap/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/**
 * Who a task on this event's board can be assigned to: staff, and vendor users who may write to
 * the event (cached; offline the last list is kept by TanStack Query while the tab lives).
 */
export function useAssignees(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspace', 'assignees', eventId],
    queryFn: ({ signal }) =>
      api(`/api/workspace/assignees?eventId=${encodeURIComponent(eventId)}`, { schema: ZAssigneeList, signal }),
    select: (d) => d.people,
    staleTime: 5 * 60_000,
    enabled,
  });
}
