import type { AssignedVendor } from '@mandap/shared/docs';
import { useQuery } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../../api/rpc.ts';

/** The vendors booked for the event (edge vendor assignments), cached for the day: offline the last list stays. */
export function useEventVendors(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workspace', 'event-vendors', eventId],
    queryFn: ({ signal }) =>
      call(edge.workspace.events[':id'].vendors.$get({ param: { id: eventId } }, withSignal(signal))),
    select: (d): AssignedVendor[] => d.vendors,
    staleTime: 5 * 60_000,
    enabled,
  });
}
