import type { CreateLead, LeadListQuery, LeadStage, UpdateLead } from '@mandap/shared/leads';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

/** The list filters the UI sets; everything is optional. */
export type LeadFilters = Partial<Omit<LeadListQuery, 'stage' | 'source'>> & {
  stage?: LeadListQuery['stage'] | null;
  source?: LeadListQuery['source'] | null;
};

/** The filters as query parameters: only those set, as strings. */
export function leadsQuery(filters: LeadFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') query[k] = String(v);
  return query;
}

export function leadsQueryString(filters: LeadFilters): string {
  return new URLSearchParams(leadsQuery(filters)).toString();
}

export function fetchLeads(filters: LeadFilters, signal?: AbortSignal) {
  return call(edge.leads.$get({ query: leadsQuery(filters) }, signal ? withSignal(signal) : undefined));
}

export function useLeads(filters: LeadFilters = {}, enabled = true) {
  const query = leadsQuery({ limit: 200, ...filters });
  return useQuery({
    queryKey: ['leads', 'list', new URLSearchParams(query).toString()],
    queryFn: ({ signal }) => call(edge.leads.$get({ query }, withSignal(signal))),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Lead counts per stage (open, won, lost) counted by the server over every lead, under the list's filters. */
export function useLeadCounts(filters: LeadFilters = {}, enabled = true) {
  const { stage: _s, sort: _o, dir: _d, limit: _l, offset: _f, ...rest } = filters;
  const query = leadsQuery(rest);
  return useQuery({
    queryKey: ['leads', 'counts', new URLSearchParams(query).toString()],
    queryFn: ({ signal }) => call(edge.leads.counts.$get({ query }, withSignal(signal))),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string | null) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: ({ signal }) => call(edge.leads[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal))),
    enabled: !!id,
  });
}

function useLeadMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => qc.invalidateQueries({ queryKey: ['leads'] }),
  });
}

export const useCreateLead = () => useLeadMutation((json: CreateLead) => call(edge.leads.$post({ json })));

export const useUpdateLead = (id: string) =>
  useLeadMutation((json: UpdateLead) => call(edge.leads[':id'].$patch({ param: { id }, json })));

export const useMoveLead = () =>
  useLeadMutation((v: { id: string; stage: LeadStage; lostReason?: string }) =>
    call(
      edge.leads[':id'].stage.$post({
        param: { id: v.id },
        json: { stage: v.stage, ...(v.lostReason ? { lostReason: v.lostReason } : {}) },
      }),
    ),
  );

export function useCommunications(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'comms', leadId],
    queryFn: ({ signal }) => call(edge.leads[':id'].communications.$get({ param: { id: leadId } }, withSignal(signal))),
  });
}

export function useLeadHistory(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'history', leadId],
    queryFn: ({ signal }) => call(edge.leads[':id'].history.$get({ param: { id: leadId } }, withSignal(signal))),
  });
}

export function useLeadFollowUps(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'follow-ups', leadId],
    queryFn: ({ signal }) => call(edge.leads[':id']['follow-ups'].$get({ param: { id: leadId } }, withSignal(signal))),
  });
}

export const useScheduleFollowUp = (leadId: string) =>
  useLeadMutation((json: { dueAt: string; note?: string }) =>
    call(edge.leads[':id']['follow-ups'].$post({ param: { id: leadId }, json })),
  );

export function useMyFollowUps() {
  return useQuery({
    queryKey: ['leads', 'my-follow-ups'],
    queryFn: ({ signal }) => call(edge['follow-ups'].mine.$get(undefined, withSignal(signal))),
  });
}

export const useSnoozeFollowUp = () =>
  useLeadMutation((v: { id: string; minutes: number }) =>
    call(edge['follow-ups'][':id'].snooze.$post({ param: { id: v.id }, json: { minutes: v.minutes } })),
  );
export const useCompleteFollowUp = () =>
  useLeadMutation((v: { id: string; outcome?: string }) =>
    call(
      edge['follow-ups'][':id'].complete.$post({ param: { id: v.id }, json: v.outcome ? { outcome: v.outcome } : {} }),
    ),
  );
