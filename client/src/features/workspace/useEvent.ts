import { ZEventSummary } from '@mandap/shared/events';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { call, edge, withSignal } from '../../api/rpc.ts';

const ZEventResult = z.object({ event: ZEventSummary });
type EventResult = z.infer<typeof ZEventResult>;

const storageKey = (eventId: string) => `mandap:event-summary:${eventId}`;

/** The summary last seen online, so an offline reload of the workspace keeps the event's title. */
function lastSeen(eventId: string): EventResult | undefined {
  try {
    const raw = localStorage.getItem(storageKey(eventId));
    const parsed = raw ? ZEventResult.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One event's summary (404 when it is not visible to the viewer). Offline, the copy last seen
 * online stands in (it is refetched as soon as the network is back).
 */
export function useEvent(eventId: string) {
  return useQuery({
    queryKey: ['events', eventId],
    queryFn: async ({ signal }) => {
      const result: EventResult = await call(edge.events[':id'].$get({ param: { id: eventId } }, withSignal(signal)));
      try {
        localStorage.setItem(storageKey(eventId), JSON.stringify(result));
      } catch {
        // Storage full or disabled: the title is simply not kept for offline.
      }
      return result;
    },
    initialData: () => lastSeen(eventId),
    // Always stale: the stored copy is shown at once, then replaced by a fresh one when online.
    initialDataUpdatedAt: 0,
    select: (d) => d.event,
  });
}
