import { type CreatePortalLink, ZPortalLink, ZPortalView, ZPreparationMilestone } from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

export const portalKeys = {
  view: (token: string) => ['portal', 'view', token] as const,
  links: (eventId: string) => ['portal', 'links', eventId] as const,
  steps: (eventId: string) => ['portal', 'steps', eventId] as const,
};

/** The client page behind a token: no sign-in, the token is the credential. */
export function usePortalView(token: string | null) {
  return useQuery({
    queryKey: portalKeys.view(token ?? ''),
    queryFn: ({ signal }) => api(`/api/portal/${token}`, { schema: ZPortalView, auth: false, signal }),
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
      api(`/api/portal/events/${eventId}/session`, { method: 'POST', schema: z.object({ token: z.string() }), signal }),
    select: (d) => d.token,
    staleTime: 6 * 3_600_000,
    retry: false,
  });
}

export function usePortalLinks(eventId: string) {
  return useQuery({
    queryKey: portalKeys.links(eventId),
    queryFn: ({ signal }) =>
      api(`/api/portal/events/${eventId}/links`, { schema: z.object({ links: z.array(ZPortalLink) }), signal }),
    select: (d) => d.links,
  });
}

export function useCreatePortalLink(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreatePortalLink>) =>
      api(`/api/portal/events/${eventId}/links`, { method: 'POST', body, schema: z.object({ link: ZPortalLink }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.links(eventId) }),
  });
}

export function useRevokePortalLink(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      api(`/api/portal/links/${linkId}/revoke`, { method: 'POST', schema: z.object({ link: ZPortalLink }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.links(eventId) }),
  });
}

export function usePreparation(eventId: string) {
  return useQuery({
    queryKey: portalKeys.steps(eventId),
    queryFn: ({ signal }) =>
      api(`/api/portal/events/${eventId}/preparation`, {
        schema: z.object({ steps: z.array(ZPreparationMilestone) }),
        signal,
      }),
    select: (d) => d.steps,
  });
}

export function useAddStep(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; dueDate: string | null; clientVisible: boolean }) =>
      api(`/api/portal/events/${eventId}/preparation`, {
        method: 'POST',
        body,
        schema: z.object({ step: ZPreparationMilestone }),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.steps(eventId) }),
  });
}

export function useUpdateStep(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; done?: boolean; clientVisible?: boolean }) =>
      api(`/api/portal/preparation/${id}`, {
        method: 'PATCH',
        body,
        schema: z.object({ step: ZPreparationMilestone }),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.steps(eventId) }),
  });
}
