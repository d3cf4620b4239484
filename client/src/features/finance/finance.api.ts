import type { MilestoneTemplateKey, RefundPayment } from '@mandap/shared/payments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authorisedFetch, call, edge, withSignal } from '../../api/rpc.ts';

export const financeKeys = {
  all: ['finance'] as const,
  event: (id: string) => ['finance', 'event', id] as const,
};

export function useOutstanding() {
  return useQuery({
    queryKey: [...financeKeys.all, 'outstanding'],
    queryFn: ({ signal }) => call(edge.payments.outstanding.$get({ query: {} }, withSignal(signal))),
    select: (d) => d.events,
  });
}

export function useOverdue() {
  return useQuery({
    queryKey: [...financeKeys.all, 'overdue'],
    queryFn: ({ signal }) => call(edge.payments.overdue.$get({ query: {} }, withSignal(signal))),
    select: (d) => d.milestones,
  });
}

export function useTrialBalance() {
  return useQuery({
    queryKey: [...financeKeys.all, 'trial-balance'],
    queryFn: ({ signal }) => call(edge.payments['trial-balance'].$get({ query: {} }, withSignal(signal))),
  });
}

/** The plan, receipts and documents of one event: what anyone with payments:read may see of it. */
function fetchEventPayments(id: string, signal: AbortSignal) {
  const param = { param: { id } };
  const opts = withSignal(signal);
  return Promise.all([
    call(edge.payments.events[':id'].milestones.$get(param, opts)),
    call(edge.payments.events[':id'].payments.$get(param, opts)),
    call(edge.invoices.events[':id'].$get(param, opts)),
  ]).then(([{ milestones }, { payments }, { documents }]) => ({ milestones, payments, documents }));
}

/** Everything the event's finance page shows, fetched together. */
export function useEventFinance(eventId: string) {
  return useQuery({
    queryKey: financeKeys.event(eventId),
    queryFn: async ({ signal }) => {
      const [{ event }, shown, { lines }] = await Promise.all([
        call(edge.events[':id'].$get({ param: { id: eventId } }, withSignal(signal))),
        fetchEventPayments(eventId, signal),
        call(edge.payments.ledger.$get({ query: { eventId } }, withSignal(signal))),
      ]);
      return { event, ...shown, lines };
    },
  });
}
export type EventFinance = NonNullable<ReturnType<typeof useEventFinance>['data']>;

/** What anyone with payments:read may see of one event (a client: their own events): plan, receipts, invoices. */
export function useEventPayments(eventId: string) {
  return useQuery({
    queryKey: [...financeKeys.event(eventId), 'payments-view'],
    queryFn: ({ signal }) => fetchEventPayments(eventId, signal),
  });
}
export type EventPayments = NonNullable<ReturnType<typeof useEventPayments>['data']>;

/** A finance write on one event; refreshes that event and the finance lists afterwards. */
export function useFinanceWrite<V, R = unknown>(eventId: string, run: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
    meta: { eventId },
  });
}

export const createPlan = (eventId: string, template: MilestoneTemplateKey) =>
  call(edge.payments['milestone-plans'].$post({ json: { eventId, template } }));

export const editPlan = (
  eventId: string,
  milestones: { id?: string; label: string; dueDate: string; amountMinor: number; waived?: boolean }[],
) => call(edge.payments.events[':id'].milestones.$put({ param: { id: eventId }, json: { milestones } }));

export const issueInvoice = (eventId: string, milestoneId?: string) =>
  call(
    edge.invoices.$post({
      json: milestoneId ? { eventId, milestoneId } : { eventId },
      header: { 'idempotency-key': crypto.randomUUID() },
    }),
  );

/** Pays back part of a payment, or reverses a mistaken one (a reversing entry; one Idempotency-Key per try). */
export const refundPayment = (paymentId: string, body: RefundPayment) =>
  call(
    edge.payments[':id'].refunds.$post({
      param: { id: paymentId },
      header: { 'idempotency-key': crypto.randomUUID() },
      json: body,
    }),
  );

export const createPaymentLink = (milestoneId: string) =>
  call(edge.milestones[':id']['payment-link'].$post({ param: { id: milestoneId } }));

/** Fetches a PDF with the session's token and hands it to the browser as a file named after the document. */
export async function downloadPdf(path: string, number: string): Promise<void> {
  const res = await authorisedFetch(path);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${number.replaceAll('/', '-')}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
