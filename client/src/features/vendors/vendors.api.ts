import type { AssignmentStatus } from '@mandap/shared/vendors';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { call, edge, publicEdge, withSignal } from '../../api/rpc.ts';
import { downloadPdf, financeKeys } from '../finance/finance.api.ts';
import { authorisedFetch } from '../leads/attachments.api.ts';

const vendors = edge.vendors;
const work = edge['vendor-work'];

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
    queryFn: ({ signal }) => call(vendors.categories.$get(undefined, withSignal(signal))),
    select: (d) => d.categories,
    staleTime: 60_000,
  });
}

export function useVendors(filter: Record<string, string>) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
  return useQuery({
    queryKey: vendorKeys.list(filter),
    queryFn: ({ signal }) => call(vendors.$get({ query }, withSignal(signal))),
    select: (d) => d.vendors,
  });
}

export function useVendor(id: string | null) {
  return useQuery({
    queryKey: vendorKeys.one(id ?? ''),
    enabled: Boolean(id),
    queryFn: ({ signal }) => call(vendors[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal))),
  });
}

export function useCreateVendor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: InferRequestType<typeof vendors.$post>['json']) => call(vendors.$post({ json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

export const revealBank = (id: string) => call(vendors[':id'].bank.reveal.$post({ param: { id } })).then((d) => d.bank);

export function useEventGraph(eventId: string) {
  return useQuery({
    queryKey: vendorKeys.graph(eventId),
    queryFn: ({ signal }) => call(work.events[':id'].graph.$get({ param: { id: eventId } }, withSignal(signal))),
  });
}

export function useEventBudget(eventId: string) {
  return useQuery({
    queryKey: vendorKeys.budget(eventId),
    queryFn: ({ signal }) => call(work.events[':id'].budget.$get({ param: { id: eventId } }, withSignal(signal))),
    select: (d) => d.budget,
  });
}

export function useMoveAssignment(eventId: string | null, mine = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AssignmentStatus }) =>
      call((mine ? work.mine : work).assignments[':id'].status.$post({ param: { id }, json: { status } })),
    // Everything the status shows in: the graph, the open PO drawer, payables and the budget; and
    // the event's ledger on its finance page (confirming accrues the PO, cancelling reverses it).
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: mine ? vendorKeys.mine : vendorKeys.all }),
        eventId ? qc.invalidateQueries({ queryKey: financeKeys.event(eventId) }) : undefined,
      ]),
  });
}

export function useMyWork() {
  return useQuery({
    queryKey: vendorKeys.mine,
    queryFn: ({ signal }) => call(work.mine.$get(undefined, withSignal(signal))),
  });
}

export function useCheckIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(work.mine.assignments[':id']['check-in'].$post({ param: { id } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: vendorKeys.mine }),
  });
}

/** Downloads an assignment's PO as a PDF: staff's copy, or (mine) the vendor's own. */
export const downloadPo = (assignmentId: string, poNumber: string, mine = false) =>
  downloadPdf(
    (mine ? work.mine : work).assignments[':id']['po.pdf'].$path({ param: { id: assignmentId } }),
    poNumber.replaceAll('/', '-'),
  );

/** The vendor uploads a file (invoice, delivery proof) on their own assignment; the body is the file's bytes. */
export async function uploadMyDocument(assignmentId: string, file: File, kind: 'invoice' | 'delivery_proof' | 'other') {
  const url = work.mine.assignments[':id'].documents.$path({
    param: { id: assignmentId },
    query: { fileName: file.name, kind },
  });
  await authorisedFetch(url, {
    method: 'POST',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
}

// ---- assignments, POs and their money ----

export function useAssignment(id: string | null) {
  return useQuery({
    queryKey: ['vendors', 'assignment', id ?? ''],
    enabled: Boolean(id),
    queryFn: ({ signal }) => call(work.assignments[':id'].$get({ param: { id: id ?? '' } }, withSignal(signal))),
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
    mutationFn: (json: InferRequestType<typeof work.assignments.$post>['json']) =>
      call(work.assignments.$post({ json })),
    onSuccess: refresh,
  });
}

export function useSchedule(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'schedule', assignmentId],
    queryFn: ({ signal }) =>
      call(work.assignments[':id'].schedule.$get({ param: { id: assignmentId } }, withSignal(signal))),
    select: (d) => d.schedule,
  });
}

export function useSetSchedule(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (json: InferRequestType<(typeof work.assignments)[':id']['schedule']['$put']>['json']) =>
      call(work.assignments[':id'].schedule.$put({ param: { id: assignmentId }, json })),
    onSuccess: refresh,
  });
}

export function useVendorPayments(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'payments', assignmentId],
    queryFn: ({ signal }) =>
      call(work.assignments[':id'].payments.$get({ param: { id: assignmentId } }, withSignal(signal))),
    select: (d) => d.payments,
  });
}

type VendorPaymentBody = InferRequestType<(typeof work.assignments)[':id']['payments']['$post']>['json'];

/** Pays a vendor; the Idempotency-Key is made once per form, so a retry of the same payment is booked once. */
export function useRecordVendorPayment(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: ({ body, key }: { body: VendorPaymentBody; key: string }) =>
      call(
        work.assignments[':id'].payments.$post({
          param: { id: assignmentId },
          header: { 'idempotency-key': key },
          json: body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useSetBudget(eventId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (json: InferRequestType<(typeof work.events)[':id']['budget']['$put']>['json']) =>
      call(work.events[':id'].budget.$put({ param: { id: eventId }, json })),
    onSuccess: refresh,
  });
}

export function useAddCategory() {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (label: string) => call(vendors.categories.$post({ json: { label } })),
    onSuccess: refresh,
  });
}

export function useRateVendor(vendorId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (body: { eventId: string; rating: number; notes?: string }) =>
      call(vendors[':id'].ratings.$post({ param: { id: vendorId }, json: body })),
    onSuccess: refresh,
  });
}

export function usePoLinks(assignmentId: string) {
  return useQuery({
    queryKey: ['vendors', 'links', assignmentId],
    queryFn: ({ signal }) =>
      call(work.assignments[':id'].links.$get({ param: { id: assignmentId } }, withSignal(signal))),
    select: (d) => d.links,
  });
}

export function useCreatePoLink(assignmentId: string) {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (json: InferRequestType<(typeof work.assignments)[':id']['links']['$post']>['json']) =>
      call(work.assignments[':id'].links.$post({ param: { id: assignmentId }, json })),
    onSuccess: refresh,
  });
}

export function useRevokePoLink() {
  const refresh = useInvalidateVendorWork();
  return useMutation({
    mutationFn: (linkId: string) => call(work.links[':id'].revoke.$post({ param: { id: linkId } })),
    onSuccess: refresh,
  });
}

// ---- the vendor's public PO page (no sign-in) ----

export function usePublicPo(token: string) {
  return useQuery({
    queryKey: ['public-po', token],
    queryFn: ({ signal }) => call(publicEdge.public.po[':token'].$get({ param: { token } }, withSignal(signal))),
    retry: false,
  });
}

export function useAcceptPo(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: InferRequestType<(typeof publicEdge.public.po)[':token']['accept']['$post']>['json']) =>
      call(publicEdge.public.po[':token'].accept.$post({ param: { token }, json })),
    onSuccess: (po) => qc.setQueryData(['public-po', token], po),
  });
}
