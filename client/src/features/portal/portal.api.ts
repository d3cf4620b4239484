import type { CreatePortalLink, ZCreatePreparationMilestone } from '@mandap/shared/live';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call, edge, publicEdge, withSignal } from '../../api/rpc.ts';

export const portalKeys = {
  view: (token: string) => ['portal', 'view', token] as const,
  links: (eventId: string) => ['portal', 'links', eventId] as const,
  steps: (eventId: string) => ['portal', 'steps', eventId] as const,
};

/** The client page behind a token: no sign-in, the token is the credential. */
export function usePortalView(token: string | null) {
  return useQuery({
    queryKey: portalKeys.view(token ?? ''),
    queryFn: ({ signal }) =>
      call(publicEdge.portal[':token'].$get({ param: { token: token ?? '' } }, withSignal(signal))),
    enabled: Boolean(token),
    retry: (n, err) =>
      n < 2 && !(err instanceof Error && 'status' in err && [403, 404, 410].includes(Number(err.status))),
  });
}

/** A signed-in client's (or staff preview's) page token for one event. */
export function usePortalSession(eventId: string) {
  return useQuery({
    queryKey: ['portal', 'session', eventId],
    queryFn: ({ signal }) =>
      call(edge.portal.events[':id'].session.$post({ param: { id: eventId } }, withSignal(signal))),
    select: (d) => d.token,
    staleTime: 6 * 3_600_000,
    retry: false,
  });
}

export function usePortalLinks(eventId: string) {
  return useQuery({
    queryKey: portalKeys.links(eventId),
    queryFn: ({ signal }) => call(edge.portal.events[':id'].links.$get({ param: { id: eventId } }, withSignal(signal))),
    select: (d) => d.links,
  });
}

export function useCreatePortalLink(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: CreatePortalLink) =>
      call(edge.portal.events[':id'].links.$post({ param: { id: eventId }, json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.links(eventId) }),
  });
}

/** Withdraws a client-page link (through `revoke` when a caller gives its own); the error is the caller's to show. */
export function useRevokePortalLink(
  eventId: string,
  revoke: (linkId: string) => Promise<unknown> = (linkId) =>
    call(edge.portal.links[':id'].revoke.$post({ param: { id: linkId } })),
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revoke,
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.links(eventId) }),
  });
}

export function usePreparation(eventId: string) {
  return useQuery({
    queryKey: portalKeys.steps(eventId),
    queryFn: ({ signal }) =>
      call(edge.portal.events[':id'].preparation.$get({ param: { id: eventId } }, withSignal(signal))),
    select: (d) => d.steps,
  });
}

export function useAddStep(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: z.input<typeof ZCreatePreparationMilestone>) =>
      call(edge.portal.events[':id'].preparation.$post({ param: { id: eventId }, json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.steps(eventId) }),
  });
}

export function useUpdateStep(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...json }: { id: string; done?: boolean; clientVisible?: boolean }) =>
      call(edge.portal.preparation[':id'].$patch({ param: { id }, json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.steps(eventId) }),
  });
}
