import { ZEventSummary } from '@mandap/shared';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

const ZEventResult = z.object({ event: ZEventSummary });

/** One event's summary (404 when it is not visible to the viewer). */
export function useEvent(eventId: string) {
  return useQuery({
    queryKey: ['events', eventId],
    queryFn: ({ signal }) => api(`/api/events/${eventId}`, { schema: ZEventResult, signal }),
    select: (d) => d.event,
  });
}
