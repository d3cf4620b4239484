import type { UpdateLeadBrief } from '@mandap/shared/leads';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

/** The event's structured brief: the record of the lead it was converted from. */
export function useEventBrief(eventId: string | null) {
  return useQuery({
    queryKey: ['event-brief', eventId],
    queryFn: ({ signal }) => call(edge.events[':id'].brief.$get({ param: { id: eventId ?? '' } }, withSignal(signal))),
    enabled: !!eventId,
  });
}

/** Changes it; the lead card reads the same record, so its queries are refreshed too. */
export function useUpdateEventBrief(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: UpdateLeadBrief) => call(edge.events[':id'].brief.$patch({ param: { id: eventId }, json })),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['event-brief', eventId] }),
        qc.invalidateQueries({ queryKey: ['leads'] }),
      ]),
  });
}
