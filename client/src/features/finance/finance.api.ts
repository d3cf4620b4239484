import {
  ZEventSummary,
  ZLedgerLine,
  ZMilestone,
  ZOutstandingRow,
  ZOverdueMilestone,
  ZPayment,
  ZTaxDocument,
  ZTrialBalance,
} from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { authorisedFetch } from '../leads/attachments.api.ts';

export const financeKeys = {
  all: ['finance'] as const,
  event: (id: string) => ['finance', 'event', id] as const,
};

export function useOutstanding() {
  return useQuery({
    queryKey: [...financeKeys.all, 'outstanding'],
    queryFn: ({ signal }) =>
      api('/api/payments/outstanding', { schema: z.object({ events: z.array(ZOutstandingRow) }), signal }),
    select: (d) => d.events,
  });
}

export function useOverdue() {
  return useQuery({
    queryKey: [...financeKeys.all, 'overdue'],
    queryFn: ({ signal }) =>
      api('/api/payments/overdue', { schema: z.object({ milestones: z.array(ZOverdueMilestone) }), signal }),
    select: (d) => d.milestones,
  });
}

export function useTrialBalance() {
  return useQuery({
    queryKey: [...financeKeys.all, 'trial-balance'],
    queryFn: ({ signal }) => api('/api/payments/trial-balance', { schema: ZTrialBalance, signal }),
  });
}

const ZEventFinance = z.object({
  event: ZEventSummary,
  milestones: z.array(ZMilestone),
  payments: z.array(ZPayment),
  documents: z.array(ZTaxDocument),
  lines: z.array(ZLedgerLine),
});
export type EventFinance = z.infer<typeof ZEventFinance>;

/** Everything the event's finance page shows, fetched together. */
export function useEventFinance(eventId: string) {
  return useQuery({
    queryKey: financeKeys.event(eventId),
    queryFn: async ({ signal }) => {
      const get = <S extends z.ZodType>(path: string, schema: S) => api(path, { schema, signal });
      const [{ event }, { milestones }, { payments }, { documents }, { lines }] = await Promise.all([
        get(`/api/events/${eventId}`, z.object({ event: ZEventSummary })),
        get(`/api/payments/events/${eventId}/milestones`, z.object({ milestones: z.array(ZMilestone) })),
        get(`/api/payments/events/${eventId}/payments`, z.object({ payments: z.array(ZPayment) })),
        get(`/api/invoices/events/${eventId}`, z.object({ documents: z.array(ZTaxDocument) })),
        get(`/api/payments/ledger?eventId=${eventId}`, z.object({ lines: z.array(ZLedgerLine) })),
      ]);
      return ZEventFinance.parse({ event, milestones, payments, documents, lines });
    },
  });
}

const ZEventPayments = z.object({
  milestones: z.array(ZMilestone),
  payments: z.array(ZPayment),
  documents: z.array(ZTaxDocument),
});
export type EventPayments = z.infer<typeof ZEventPayments>;

/** What anyone with payments:read may see of one event (a client: their own events): plan, receipts, invoices. */
export function useEventPayments(eventId: string) {
  return useQuery({
    queryKey: [...financeKeys.event(eventId), 'payments-view'],
    queryFn: async ({ signal }) => {
      const get = <S extends z.ZodType>(path: string, schema: S) => api(path, { schema, signal });
      const [{ milestones }, { payments }, { documents }] = await Promise.all([
        get(`/api/payments/events/${eventId}/milestones`, z.object({ milestones: z.array(ZMilestone) })),
        get(`/api/payments/events/${eventId}/payments`, z.object({ payments: z.array(ZPayment) })),
        get(`/api/invoices/events/${eventId}`, z.object({ documents: z.array(ZTaxDocument) })),
      ]);
      return ZEventPayments.parse({ milestones, payments, documents });
    },
  });
}

/** A finance write on one event; refreshes that event and the finance lists afterwards. */
export function useFinanceWrite<V>(eventId: string, run: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
    meta: { eventId },
  });
}

export const createPlan = (eventId: string, template: string) =>
  api('/api/payments/milestone-plans', {
    method: 'POST',
    body: { eventId, template },
    schema: z.object({ milestones: z.array(ZMilestone) }),
  });

export const editPlan = (
  eventId: string,
  milestones: { id?: string; label: string; dueDate: string; amountMinor: number; waived?: boolean }[],
) =>
  api(`/api/payments/events/${eventId}/milestones`, {
    method: 'PUT',
    body: { milestones },
    schema: z.object({ milestones: z.array(ZMilestone) }),
  });

export const issueInvoice = (eventId: string, milestoneId?: string) =>
  api('/api/invoices', {
    method: 'POST',
    body: milestoneId ? { eventId, milestoneId } : { eventId },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    schema: ZTaxDocument,
  });

export const createPaymentLink = (milestoneId: string) =>
  api(`/api/milestones/${milestoneId}/payment-link`, {
    method: 'POST',
    schema: z.object({ link: z.object({ url: z.string() }).passthrough() }),
  });

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
