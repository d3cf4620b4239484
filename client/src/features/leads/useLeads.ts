import { type LeadSource, type LeadStage, ZLeadList } from '@mandap/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface LeadFilters {
  stage?: LeadStage | null;
  source?: LeadSource | null;
  limit?: number;
}

export function useLeads(filters: LeadFilters = {}, enabled = true) {
  const params = new URLSearchParams();
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.source) params.set('source', filters.source);
  params.set('limit', String(filters.limit ?? 200));
  const qs = params.toString();
  return useQuery({
    queryKey: ['leads', qs],
    queryFn: ({ signal }) => api(`/api/leads?${qs}`, { schema: ZLeadList, signal }),
    enabled,
  });
}
