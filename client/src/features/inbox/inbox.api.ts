import type { CreateBroadcast, InboxReply, MessagePrices } from '@mandap/shared/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { useInboxFallbackInterval } from './inbox-live.ts';

export type {
  Broadcast,
  BroadcastPreview,
  Conversation,
  InboxMessage,
  LogMessage,
  TemplateInfo,
} from '@mandap/shared/notifications';

const notes = edge.notifications;
/** One conversation's routes, by phone number (E.164, sent encoded: it starts with +). */
const conversation = (phone: string) => ({ param: { phone: encodeURIComponent(phone) } });
const thread = edge.inbox.conversations[':phone'];

/** Kept fresh by the live feed (useInboxLive); polled slowly only while that feed is down. */
export function useConversations(filter: 'all' | 'mine' | 'unassigned') {
  const refetchInterval = useInboxFallbackInterval();
  return useQuery({
    queryKey: ['inbox', 'conversations', filter],
    queryFn: ({ signal }) => call(edge.inbox.conversations.$get({ query: { filter } }, withSignal(signal))),
    refetchInterval,
  });
}

export function useThread(phone: string | null) {
  const refetchInterval = useInboxFallbackInterval();
  return useQuery({
    queryKey: ['inbox', 'thread', phone],
    queryFn: ({ signal }) => call(thread.$get(conversation(phone ?? ''), withSignal(signal))),
    enabled: phone !== null,
    refetchInterval,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['notifications', 'templates'],
    queryFn: ({ signal }) => call(notes.templates.$get(undefined, withSignal(signal))),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useInboxMutation<V, R>(request: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => qc.invalidateQueries({ queryKey: ['inbox'] }) });
}

export const useReply = () =>
  useInboxMutation((v: { phone: string; reply: InboxReply }) =>
    call(thread.reply.$post({ ...conversation(v.phone), json: v.reply })),
  );
export const useMarkRead = () => useInboxMutation((phone: string) => call(thread.read.$post(conversation(phone))));
export const useAssign = () =>
  useInboxMutation((v: { phone: string; assigneeId: string | null }) =>
    call(thread.assign.$post({ ...conversation(v.phone), json: { assigneeId: v.assigneeId } })),
  );
export const useConsent = () =>
  useInboxMutation((v: { phone: string; consent: 'opted_in' | 'opted_out'; source: string }) =>
    call(thread.consent.$post({ ...conversation(v.phone), json: { consent: v.consent, source: v.source } })),
  );

export function useNotificationLog(status: string | null) {
  return useQuery({
    queryKey: ['inbox', 'log', status],
    queryFn: ({ signal }) =>
      call(notes.log.$get({ query: status ? { status: status as LogStatus } : {} }, withSignal(signal))),
  });
}
type LogStatus = NonNullable<NonNullable<Parameters<typeof notes.log.$get>[0]>['query']['status']>;

export const useRetry = () => useInboxMutation((id: string) => call(notes.log[':id'].retry.$post({ param: { id } })));

export function useBroadcasts() {
  return useQuery({
    queryKey: ['inbox', 'broadcasts'],
    queryFn: ({ signal }) => call(notes.broadcasts.$get(undefined, withSignal(signal))),
    refetchInterval: 5000,
  });
}
export const usePreviewBroadcast = () =>
  useMutation({
    mutationFn: (body: CreateBroadcast) =>
      call(
        notes.broadcasts.preview.$post({
          json: { template: body.template, segment: body.segment, variables: body.variables },
        }),
      ),
  });
export const useCreateBroadcast = () =>
  useInboxMutation((json: CreateBroadcast) => call(notes.broadcasts.$post({ json })));

export function useMoments() {
  return useQuery({
    queryKey: ['inbox', 'moments'],
    queryFn: ({ signal }) => call(notes.moments.$get(undefined, withSignal(signal))),
  });
}
export const useSwitchMoment = () =>
  useInboxMutation((v: { key: string; enabled: boolean }) =>
    call(notes.moments[':key'].$put({ param: { key: v.key }, json: { enabled: v.enabled } })),
  );
export function usePrices() {
  return useQuery({
    queryKey: ['inbox', 'prices'],
    queryFn: ({ signal }) => call(notes.prices.$get(undefined, withSignal(signal))),
  });
}
export const useSetPrices = () => useInboxMutation((json: MessagePrices) => call(notes.prices.$put({ json })));
