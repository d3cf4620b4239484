import type { EventAccessLevel } from '@mandap/shared/access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

const key = (eventId: string) => ['event-access', eventId] as const;

/** Who has access to the event (vendor and client users), by name. */
export function useEventAccess(eventId: string) {
  return useQuery({
    queryKey: key(eventId),
    queryFn: ({ signal }) =>
      call(edge['event-access'].events[':id'].$get({ param: { id: eventId } }, withSignal(signal))),
    select: (d) => d.people,
  });
}

/** The vendor and client users one may link, fetched only when the add form is open. */
export function useAccessCandidates(enabled: boolean) {
  return useQuery({
    queryKey: ['event-access', 'people'],
    queryFn: ({ signal }) => call(edge['event-access'].people.$get(undefined, withSignal(signal))),
    select: (d) => d.people,
    enabled,
  });
}

/** Links a user to the event or changes their level; removes a link. Both refresh the list. */
export function useEventAccessChange(eventId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(eventId) });
  const set = useMutation({
    mutationFn: ({ userId, access }: { userId: string; access: EventAccessLevel }) =>
      call(
        edge['event-access'].events[':id'].users[':userId'].$put({
          param: { id: eventId, userId },
          json: { access },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      call(edge['event-access'].events[':id'].users[':userId'].$delete({ param: { id: eventId, userId } })),
    onSuccess: refresh,
  });
  return { set, remove };
}
