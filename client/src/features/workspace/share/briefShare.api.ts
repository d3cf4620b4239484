import type { ZBriefShareInput } from '@mandap/shared/events';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call, edge, withSignal } from '../../../api/rpc.ts';

/** Whose brief a link opens: a lead's (before conversion) or an event's. */
export interface BriefShareTarget {
  scope: 'lead' | 'event';
  id: string;
}

export const linksKey = (t: BriefShareTarget) => ['brief-share-links', t.scope, t.id] as const;

const routes = (t: BriefShareTarget) =>
  t.scope === 'lead' ? edge.workspace.leads[':id'] : edge.workspace.events[':id'];

/** The links issued for this brief: who made each, when, until when, withdrawn or not. */
export function useBriefShareLinks(target: BriefShareTarget, enabled: boolean) {
  return useQuery({
    queryKey: linksKey(target),
    queryFn: ({ signal }) =>
      call(routes(target)['brief-share-links'].$get({ param: { id: target.id } }, withSignal(signal))),
    select: (d) => d.links,
    enabled,
  });
}

export function useCreateBriefShareLink(target: BriefShareTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: z.input<typeof ZBriefShareInput>) =>
      call(routes(target)['brief-share-link'].$post({ param: { id: target.id }, json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: linksKey(target) }),
  });
}

/** Withdraws a link: whoever has it open is cut off within seconds, and it never opens again. */
export function useRevokeBriefShareLink(target: BriefShareTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      call(routes(target)['brief-share-links'][':linkId'].revoke.$post({ param: { id: target.id, linkId } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: linksKey(target) }),
  });
}
