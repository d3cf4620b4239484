import { useQuery } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../../api/rpc.ts';

/**
 * Who a task on this event's board can be assigned to: staff, and vendor users who may write to
 * the event (cached; offline the last list is kept by TanStack Query while the tab lives).
 */
export function useAssignees(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspace', 'assignees', eventId],
    queryFn: ({ signal }) => call(edge.workspace.assignees.$get({ query: { eventId } }, withSignal(signal))),
    select: (d) => d.people,
    staleTime: 5 * 60_000,
    enabled,
  });
}
