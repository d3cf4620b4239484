import {
  type CreateLead,
  type LeadListQuery,
  type LeadStage,
  type UpdateLead,
  ZCommunicationList,
  ZFollowUp,
  ZLeadCounts,
  ZLeadHistory,
  ZLeadList,
  ZLeadResult,
  ZMyFollowUps,
} from '@mandap/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

/** The list filters the UI sets; everything is optional. */
export type LeadFilters = Partial<Omit<LeadListQuery, 'stage' | 'source'>> & {
  stage?: LeadListQuery['stage'] | null;
  source?: LeadListQuery['source'] | null;
};

export function leadsQueryString(filters: LeadFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return params.toString();
}

export function fetchLeads(filters: LeadFilters, signal?: AbortSignal) {
  return api(`/api/leads?${leadsQueryString(filters)}`, { schema: ZLeadList, ...(signal ? { signal } : {}) });
}

export function useLeads(filters: LeadFilters = {}, enabled = true) {
  const qs = leadsQueryString({ limit: 200, ...filters });
  return useQuery({
    queryKey: ['leads', 'list', qs],
    queryFn: ({ signal }) => api(`/api/leads?${qs}`, { schema: ZLeadList, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Lead counts per stage (open, won, lost) counted by the server over every lead, under the list's filters. */
export function useLeadCounts(filters: LeadFilters = {}, enabled = true) {
  const { stage: _s, sort: _o, dir: _d, limit: _l, offset: _f, ...rest } = filters;
  const qs = leadsQueryString(rest);
  return useQuery({
    queryKey: ['leads', 'counts', qs],
    queryFn: ({ signal }) => api(`/api/leads/counts?${qs}`, { schema: ZLeadCounts, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string | null) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: ({ signal }) => api(`/api/leads/${id}`, { schema: ZLeadResult, signal }),
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

export const useCreateLead = () =>
  useLeadMutation((body: CreateLead) => api('/api/leads', { method: 'POST', body, schema: ZLeadResult }));

export const useUpdateLead = (id: string) =>
  useLeadMutation((body: UpdateLead) => api(`/api/leads/${id}`, { method: 'PATCH', body, schema: ZLeadResult }));

export const useMoveLead = () =>
  useLeadMutation((v: { id: string; stage: LeadStage; lostReason?: string }) =>
    api(`/api/leads/${v.id}/stage`, {
      method: 'POST',
      body: { stage: v.stage, ...(v.lostReason ? { lostReason: v.lostReason } : {}) },
      schema: ZLeadResult,
    }),
  );

export function useCommunications(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'comms', leadId],
    queryFn: ({ signal }) => api(`/api/leads/${leadId}/communications`, { schema: ZCommunicationList, signal }),
  });
}

export function useLeadHistory(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'history', leadId],
    queryFn: ({ signal }) => api(`/api/leads/${leadId}/history`, { schema: ZLeadHistory, signal }),
  });
}

export function useLeadFollowUps(leadId: string) {
  return useQuery({
    queryKey: ['leads', 'follow-ups', leadId],
    queryFn: ({ signal }) =>
      api(`/api/leads/${leadId}/follow-ups`, { schema: z.object({ followUps: z.array(ZFollowUp) }), signal }),
  });
}

export const useScheduleFollowUp = (leadId: string) =>
  useLeadMutation((body: { dueAt: string; note?: string }) =>
    api(`/api/leads/${leadId}/follow-ups`, {
      method: 'POST',
      body,
      schema: z.object({ id: z.string(), dueAt: z.string() }),
    }),
  );

export function useMyFollowUps() {
  return useQuery({
    queryKey: ['leads', 'my-follow-ups'],
    queryFn: ({ signal }) => api('/api/follow-ups/mine', { schema: ZMyFollowUps, signal }),
  });
}

const ZChanged = z.object({ id: z.string(), dueAt: z.string(), status: z.string() });
export const useSnoozeFollowUp = () =>
  useLeadMutation((v: { id: string; minutes: number }) =>
    api(`/api/follow-ups/${v.id}/snooze`, { method: 'POST', body: { minutes: v.minutes }, schema: ZChanged }),
  );
export const useCompleteFollowUp = () =>
  useLeadMutation((v: { id: string; outcome?: string }) =>
    api(`/api/follow-ups/${v.id}/complete`, {
      method: 'POST',
      body: v.outcome ? { outcome: v.outcome } : {},
      schema: ZChanged,
    }),
  );
