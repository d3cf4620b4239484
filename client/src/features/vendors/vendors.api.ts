import {
  type AssignmentStatus,
  ZAssignment,
  ZBankDetails,
  ZBudgetReport,
  ZEventVendorGraph,
  ZPoLink,
  ZPoLinkMade,
  ZPublicPo,
  ZScheduleRow,
  ZVendor,
  ZVendorCategory,
  ZVendorPayment,
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
    // Everything the status shows in: the graph, the open PO drawer, payables and the budget.
    onSuccess: () => qc.invalidateQueries({ queryKey: mine ? vendorKeys.mine : vendorKeys.all }),
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

// ---- assignments, POs and their money ----

const ZOneAssignment = z.object({ assignment: ZAssignment });

export function useAssignment(id: string | null) {
  return useQuery({
    queryKey: ['vendors', 'assignment', id ?? ''],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api(`/api/vendor-work/assignments/${id}`, { schema: ZOneAssignment, signal }),
    select: (d) => d.assignment,
  });
}

/** Refreshes everything a change to an assignment's money or status shows up in. */
export function useInvalidateVendorWork() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: vendorKeys.all });
}

export function useCreateAssignment() {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (body: unknown) =>
      api('/api/vendor-work/assignments', { method: 'POST', body, schema: ZOneAssignment }),
    onSuccess: refresh,
  });
}

export function useSchedule(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'schedule', assignmentId],
    queryFn: ({ signal }) =>
      api(`/api/vendor-work/assignments/${assignmentId}/schedule`, {
        schema: z.object({ schedule: z.array(ZScheduleRow) }),
        signal,
      }),
    select: (d) => d.schedule,
  });
}

export function useSetSchedule(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (items: { label: string; dueDate: string; amountMinor: number }[]) =>
      api(`/api/vendor-work/assignments/${assignmentId}/schedule`, {
        method: 'PUT',
        body: { items },
        schema: z.object({ schedule: z.array(ZScheduleRow) }),
      }),
    onSuccess: refresh,
  });
}

export function useVendorPayments(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'payments', assignmentId],
    queryFn: ({ signal }) =>
      api(`/api/vendor-work/assignments/${assignmentId}/payments`, {
        schema: z.object({ payments: z.array(ZVendorPayment) }),
        signal,
      }),
    select: (d) => d.payments,
  });
}

/** Pays a vendor; the Idempotency-Key is made once per form, so a retry of the same payment is booked once. */
export function useRecordVendorPayment(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: ({ body, key }: { body: unknown; key: string }) =>
      api(`/api/vendor-work/assignments/${assignmentId}/payments`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': key },
        schema: z.object({ payment: ZVendorPayment }),
      }),
    onSuccess: refresh,
  });
}

export function useSetBudget(eventId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (items: { category: string; budgetMinor: number }[]) =>
      api(`/api/vendor-work/events/${eventId}/budget`, {
        method: 'PUT',
        body: { items },
        schema: z.object({ budget: ZBudgetReport }),
      }),
    onSuccess: refresh,
  });
}

export function useAddCategory() {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (label: string) =>
      api('/api/vendors/categories', {
        method: 'POST',
        body: { label },
        schema: z.object({ category: ZVendorCategory }),
      }),
    onSuccess: refresh,
  });
}

export function useRateVendor(vendorId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (body: { eventId: string; rating: number; notes?: string }) =>
      api(`/api/vendors/${vendorId}/ratings`, {
        method: 'POST',
        body,
        schema: z.object({ ratings: z.array(ZVendorRating) }),
      }),
    onSuccess: refresh,
  });
}

export function usePoLinks(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'links', assignmentId],
    queryFn: ({ signal }) =>
      api(`/api/vendor-work/assignments/${assignmentId}/links`, {
        schema: z.object({ links: z.array(ZPoLink) }),
        signal,
      }),
    select: (d) => d.links,
  });
}

export function useCreatePoLink(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (days: number) =>
      api(`/api/vendor-work/assignments/${assignmentId}/links`, {
        method: 'POST',
        body: { days },
        schema: ZPoLinkMade,
      }),
    onSuccess: refresh,
  });
}

export function useRevokePoLink() {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (linkId: string) =>
      api(`/api/vendor-work/links/${linkId}/revoke`, { method: 'POST', schema: z.object({ link: ZPoLink }) }),
    onSuccess: refresh,
  });
}

// ---- the vendor's public PO page (no sign-in) ----

export function usePublicPo(token: string) {
  return useQuery({
    queryKey: ['public-po', token],
    queryFn: ({ signal }) => api(`/api/public/po/${token}`, { schema: ZPublicPo, auth: false, signal }),
    retry: false,
  });
}

export function useAcceptPo(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api(`/api/public/po/${token}/accept`, { method: 'POST', body: { name }, schema: ZPublicPo, auth: false }),
    onSuccess: (po) => qc.setQueryData(['public-po', token], po),
  });
}
