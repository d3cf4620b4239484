import { type UpdateLeadBrief, ZEventBrief } from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** The event's structured brief: the record of the lead it was converted from. */
export function useEventBrief(eventId: string | null) {
  return useQuery({
    queryKey: ['event-brief', eventId],
    queryFn: ({ signal }) => api(`/api/events/${eventId}/brief`, { schema: ZEventBrief, signal }),
    enabled: !!eventId,
  });
}

/** Changes it; the lead card reads the same record, so its queries are refreshed too. */
export function useUpdateEventBrief(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLeadBrief) =>
      api(`/api/events/${eventId}/brief`, { method: 'PATCH', body, schema: ZEventBrief }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['event-brief', eventId] }),
        qc.invalidateQueries({ queryKey: ['leads'] }),
      ]),
  });
}
