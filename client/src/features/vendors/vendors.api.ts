import {
  type AssignmentStatus,
  ZAssignment,
  ZBankDetails,
  ZBudgetReport,
  ZEventVendorGraph,
  ZVendor,
  ZVendorCategory,
  ZVendorPortal,
  ZVendorRating,
} from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { downloadPdf } from '../finance/finance.api.ts';
import { authorisedFetch } from '../leads/attachments.api.ts';

export const vendorKeys = {
  all: ['vendors'] as const,
  list: (q: Record<string, string>) => ['vendors', 'list', q] as const,
  one: (id: string) => ['vendors', 'one', id] as const,
  graph: (eventId: string) => ['vendors', 'graph', eventId] as const,
  budget: (eventId: string) => ['vendors', 'budget', eventId] as const,
  mine: ['vendors', 'mine'] as const,
};

export function useVendorCategories() {
  return useQuery({
    queryKey: ['vendors', 'categories'],
    queryFn: ({ signal }) =>
      api('/api/vendors/categories', { schema: z.object({ categories: z.array(ZVendorCategory) }), signal }),
    select: (d) => d.categories,
    staleTime: 60_000,
  });
}

export function useVendors(filter: Record<string, string>) {
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  return useQuery({
    queryKey: vendorKeys.list(filter),
    queryFn: ({ signal }) =>
      api(`/api/vendors${qs ? `?${qs}` : ''}`, { schema: z.object({ vendors: z.array(ZVendor) }), signal }),
    select: (d) => d.vendors,
  });
}

export function useVendor(id: string | null) {
  return useQuery({
    queryKey: vendorKeys.one(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) =>
      api(`/api/vendors/${id}`, { schema: z.object({ vendor: ZVendor, ratings: z.array(ZVendorRating) }), signal }),
  });
}

export function useCreateVendor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api('/api/vendors', { method: 'POST', body, schema: z.object({ vendor: ZVendor }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

export const revealBank = (id: string) =>
  api(`/api/vendors/${id}/bank/reveal`, { method: 'POST', schema: z.object({ bank: ZBankDetails }) }).then(
    (d) => d.bank,
  );

export function useEventGraph(eventId: string) {
  return useQuery({
    queryKey: vendorKeys.graph(eventId),
    queryFn: ({ signal }) => api(`/api/vendor-work/events/${eventId}/graph`, { schema: ZEventVendorGraph, signal }),
  });
}

export function useEventBudget(eventId: string) {
  return useQuery({
    queryKey: vendorKeys.budget(eventId),
    queryFn: ({ signal }) =>
      api(`/api/vendor-work/events/${eventId}/budget`, { schema: z.object({ budget: ZBudgetReport }), signal }),
    select: (d) => d.budget,
  });
}

export function useMoveAssignment(eventId: string | null, mine = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AssignmentStatus }) =>
      api(`/api/vendor-work/${mine ? 'mine/' : ''}assignments/${id}/status`, {
        method: 'POST',
        body: { status },
        schema: z.object({ assignment: ZAssignment }),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mine ? vendorKeys.mine : vendorKeys.graph(eventId ?? '') }),
  });
}

export function useMyWork() {
  return useQuery({
    queryKey: vendorKeys.mine,
    queryFn: ({ signal }) => api('/api/vendor-work/mine', { schema: ZVendorPortal, signal }),
  });
}

export function useCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api(`/api/vendor-work/mine/assignments/${id}/check-in`, {
        method: 'POST',
        schema: z.object({ assignment: ZAssignment }),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: vendorKeys.mine }),
  });
}

export const downloadPo = (path: string, poNumber: string) => downloadPdf(path, poNumber.replaceAll('/', '-'));

/** The vendor uploads a file (invoice, delivery proof) on their own assignment; the body is the file's bytes. */
export async function uploadMyDocument(assignmentId: string, file: File, kind: 'invoice' | 'delivery_proof' | 'other') {
  const qs = new URLSearchParams({ fileName: file.name, kind }).toString();
  await authorisedFetch(`/api/vendor-work/mine/assignments/${assignmentId}/documents?${qs}`, {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
}
