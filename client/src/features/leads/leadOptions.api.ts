import { BUILT_IN_EVENT_TYPES } from '@mandap/shared/events';
import type { AssignmentRuleInput, ConvertLead } from '@mandap/shared/leads';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

/** People a lead can be handed to, with names. */
export function useLeadOwners() {
  return useQuery({
    queryKey: ['leads', 'owners'],
    queryFn: ({ signal }) => call(edge.leads.owners.$get(undefined, withSignal(signal))),
    staleTime: 5 * 60_000,
  });
}

/** The configured listing platforms (LISTING_PLATFORMS on the server). */
export function useLeadSourceOptions() {
  return useQuery({
    queryKey: ['leads', 'sources'],
    queryFn: ({ signal }) => call(edge.leads.sources.$get(undefined, withSignal(signal))),
    staleTime: 10 * 60_000,
  });
}

/** Every utm_source and campaign leads came from, with lead counts (for the list's marketing filters). */
export function useLeadCampaigns() {
  return useQuery({
    queryKey: ['leads', 'campaigns'],
    queryFn: ({ signal }) => call(edge.leads.campaigns.$get(undefined, withSignal(signal))),
    staleTime: 60_000,
  });
}

/** The house list of event types (built-in plus those added in settings) as select options. */
export function useEventTypeOptions() {
  const q = useQuery({
    queryKey: ['leads', 'event-types'],
    queryFn: ({ signal }) => call(edge.leads['event-types'].$get(undefined, withSignal(signal))),
    staleTime: 5 * 60_000,
  });
  // Until the list arrives, the built-in types (the server has at least those).
  const list = q.data?.eventTypes ?? BUILT_IN_EVENT_TYPES;
  return list.map((t) => ({ value: t.key, label: t.label }));
}

/** Adds an event type to the house list (settings). */
export const useAddEventType = () =>
  useLeadsMutation((label: string) => call(edge.leads['event-types'].$post({ json: { label } })));

/** Clients matching a search, to name as a lead's referrer. */
export function useReferrers(q: string, enabled = true) {
  return useQuery({
    queryKey: ['leads', 'referrers', q],
    queryFn: ({ signal }) => call(edge.leads.referrers.$get({ query: { q } }, withSignal(signal))),
    enabled,
    staleTime: 30_000,
  });
}

function useLeadsMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => qc.invalidateQueries({ queryKey: ['leads'] }) });
}

export const useAssignLead = (leadId: string) =>
  useLeadsMutation((ownerId: string) =>
    call(edge.leads[':id'].owner.$post({ param: { id: leadId }, json: { ownerId } })),
  );

export const useConvertLead = (leadId: string) =>
  useLeadsMutation((json: ConvertLead) => call(edge.leads[':id'].convert.$post({ param: { id: leadId }, json })));

const rules = edge.leads['assignment-rules'];

export function useAssignmentRules() {
  return useQuery({
    queryKey: ['leads', 'assignment-rules'],
    queryFn: ({ signal }) => call(rules.$get(undefined, withSignal(signal))),
  });
}

export const useAddRule = () => useLeadsMutation((json: AssignmentRuleInput) => call(rules.$post({ json })));
export const useUpdateRule = () =>
  useLeadsMutation(({ id, ...json }: AssignmentRuleInput & { id: string }) =>
    call(rules[':ruleId'].$put({ param: { ruleId: id }, json })),
  );
export const useDeleteRule = () =>
  useLeadsMutation((id: string) => call(rules[':ruleId'].$delete({ param: { ruleId: id } })));
export const useReorderRules = () => useLeadsMutation((ids: string[]) => call(rules.reorder.$post({ json: { ids } })));
