import type { CreateBroadcast, InboxReply } from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { useInboxFallbackInterval } from './inbox-live.ts';

const ZConversation = z.object({
  phone: z.string(),
  name: z.string().nullable(),
  leadId: z.string().nullable(),
  leadCode: z.string().nullable(),
  eventId: z.string().nullable(),
  eventCode: z.string().nullable(),
  eventName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  unread: z.number(),
  consent: z.string(),
  lastMessageAt: z.string().nullable(),
  lastPreview: z.string().nullable(),
  windowOpen: z.boolean(),
});
export type Conversation = z.infer<typeof ZConversation>;

const ZMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  at: z.string(),
  status: z.string().nullable(),
  error: z.string().nullable(),
  template: z.string().nullable(),
  by: z.string().nullable(),
});
export type InboxMessage = z.infer<typeof ZMessage>;

const ZThread = z.object({
  contact: z.object({
    phone: z.string(),
    name: z.string().nullable(),
    consent: z.string(),
    consentSource: z.string().nullable(),
    consentAt: z.string().nullable(),
    assigneeId: z.string().nullable(),
    leadId: z.string().nullable(),
    eventId: z.string().nullable(),
    unread: z.number(),
    windowOpen: z.boolean(),
    windowReason: z.string().nullable(),
  }),
  messages: z.array(ZMessage),
});

const ZTemplate = z.object({
  key: z.string(),
  label: z.string(),
  category: z.string(),
  variables: z.array(z.string()),
  body: z.string(),
  essential: z.boolean(),
  sample: z.record(z.string(), z.string()),
});
export type TemplateInfo = z.infer<typeof ZTemplate>;

const ZOk = z.looseObject({});
const path = (phone: string) => `/api/inbox/conversations/${encodeURIComponent(phone)}`;

/** Kept fresh by the live feed (useInboxLive); polled slowly only while that feed is down. */
export function useConversations(filter: 'all' | 'mine' | 'unassigned') {
  const refetchInterval = useInboxFallbackInterval();
  return useQuery({
    queryKey: ['inbox', 'conversations', filter],
    queryFn: ({ signal }) =>
      api(`/api/inbox/conversations?filter=${filter}`, {
        schema: z.object({ conversations: z.array(ZConversation) }),
        signal,
      }),
    refetchInterval,
  });
}

export function useThread(phone: string | null) {
  const refetchInterval = useInboxFallbackInterval();
  return useQuery({
    queryKey: ['inbox', 'thread', phone],
    queryFn: ({ signal }) => api(path(phone!), { schema: ZThread, signal }),
    enabled: phone !== null,
    refetchInterval,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['notifications', 'templates'],
    queryFn: ({ signal }) =>
      api('/api/notifications/templates', { schema: z.object({ templates: z.array(ZTemplate) }), signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useInboxMutation<V>(request: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => qc.invalidateQueries({ queryKey: ['inbox'] }) });
}

export const useReply = () =>
  useInboxMutation((v: { phone: string; reply: InboxReply }) =>
    api(`${path(v.phone)}/reply`, {
      method: 'POST',
      body: v.reply,
      schema: z.object({ id: z.string(), status: z.string(), error: z.string().nullable() }),
    }),
  );
export const useMarkRead = () =>
  useInboxMutation((phone: string) => api(`${path(phone)}/read`, { method: 'POST', schema: ZOk }));
export const useAssign = () =>
  useInboxMutation((v: { phone: string; assigneeId: string | null }) =>
    api(`${path(v.phone)}/assign`, { method: 'POST', body: { assigneeId: v.assigneeId }, schema: ZOk }),
  );
export const useConsent = () =>
  useInboxMutation((v: { phone: string; consent: 'opted_in' | 'opted_out'; source: string }) =>
    api(`${path(v.phone)}/consent`, { method: 'POST', body: { consent: v.consent, source: v.source }, schema: ZOk }),
  );

const ZLogMessage = z.object({
  id: z.string(),
  channel: z.string(),
  template: z.string(),
  recipient: z.string(),
  status: z.string(),
  providerStatus: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  costMinor: z.number().nullable(),
});
export type LogMessage = z.infer<typeof ZLogMessage>;

export function useNotificationLog(status: string | null) {
  return useQuery({
    queryKey: ['inbox', 'log', status],
    queryFn: ({ signal }) =>
      api(`/api/notifications/log${status ? `?status=${status}` : ''}`, {
        schema: z.object({
          counts: z.record(z.string(), z.number()),
          costMinor: z.number(),
          messages: z.array(ZLogMessage),
        }),
        signal,
      }),
  });
}
export const useRetry = () =>
  useInboxMutation((id: string) => api(`/api/notifications/log/${id}/retry`, { method: 'POST', schema: ZOk }));

const ZPreview = z.object({
  matched: z.number(),
  recipients: z.number(),
  heldBack: z.number(),
  category: z.string(),
  pricePerMessageMinor: z.number(),
  expectedCostMinor: z.number(),
  sample: z.string(),
});
export type BroadcastPreview = z.infer<typeof ZPreview>;
const ZBroadcast = z.object({
  id: z.string(),
  name: z.string(),
  template: z.string(),
  scheduledAt: z.string(),
  recipients: z.number(),
  skipped: z.number(),
  expectedCostMinor: z.number(),
  sent: z.number(),
  delivered: z.number(),
  read: z.number(),
  failed: z.number(),
  waiting: z.number(),
  costMinor: z.number(),
});
export type Broadcast = z.infer<typeof ZBroadcast>;

export function useBroadcasts() {
  return useQuery({
    queryKey: ['inbox', 'broadcasts'],
    queryFn: ({ signal }) =>
      api('/api/notifications/broadcasts', { schema: z.object({ broadcasts: z.array(ZBroadcast) }), signal }),
    refetchInterval: 5000,
  });
}
export const usePreviewBroadcast = () =>
  useMutation({
    mutationFn: (body: CreateBroadcast) =>
      api('/api/notifications/broadcasts/preview', {
        method: 'POST',
        body: { template: body.template, segment: body.segment, variables: body.variables },
        schema: ZPreview,
      }),
  });
export const useCreateBroadcast = () =>
  useInboxMutation((body: CreateBroadcast) =>
    api('/api/notifications/broadcasts', { method: 'POST', body, schema: ZBroadcast }),
  );

const ZMoment = z.object({ key: z.string(), label: z.string(), template: z.string(), enabled: z.boolean() });
export function useMoments() {
  return useQuery({
    queryKey: ['inbox', 'moments'],
    queryFn: ({ signal }) =>
      api('/api/notifications/moments', { schema: z.object({ moments: z.array(ZMoment) }), signal }),
  });
}
export const useSwitchMoment = () =>
  useInboxMutation((v: { key: string; enabled: boolean }) =>
    api(`/api/notifications/moments/${v.key}`, { method: 'PUT', body: { enabled: v.enabled }, schema: ZOk }),
  );
const ZPrices = z.object({ utility: z.number(), marketing: z.number(), authentication: z.number() });
export function usePrices() {
  return useQuery({
    queryKey: ['inbox', 'prices'],
    queryFn: ({ signal }) => api('/api/notifications/prices', { schema: ZPrices, signal }),
  });
}
export const useSetPrices = () =>
  useInboxMutation((v: z.infer<typeof ZPrices>) =>
    api('/api/notifications/prices', { method: 'PUT', body: v, schema: ZPrices }),
  );
