import { ZCreditRow, ZMilestone, ZReconciliation, ZSuspenseItem } from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { financeKeys } from './finance.api.ts';

const deskKey = [...financeKeys.all, 'money-desk'] as const;

/** Gateway money no payment link matched, newest first. */
export function useSuspense() {
  return useQuery({
    queryKey: [...deskKey, 'suspense'],
    queryFn: ({ signal }) =>
      api('/api/payments/suspense', { schema: z.object({ items: z.array(ZSuspenseItem) }), signal }),
    select: (d) => d.items,
  });
}

/** Events holding credit on account (money beyond what their milestones owe). */
export function useCredits() {
  return useQuery({
    queryKey: [...deskKey, 'credits'],
    queryFn: ({ signal }) =>
      api('/api/payments/credits', { schema: z.object({ credits: z.array(ZCreditRow) }), signal }),
    select: (d) => d.credits,
  });
}

/** Gateway captures and refunds next to the booked payments. */
export function useReconciliation() {
  return useQuery({
    queryKey: [...deskKey, 'reconciliation'],
    queryFn: ({ signal }) => api('/api/payments/reconciliation', { schema: ZReconciliation, signal }),
  });
}

const once = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export const resolveSuspense = (id: string, eventId: string) =>
  api(`/api/payments/suspense/${id}/resolve`, {
    method: 'POST',
    body: { eventId },
    headers: once(),
    schema: z.object({ item: ZSuspenseItem, paymentId: z.string() }),
  });

export const applyCredit = (eventId: string) =>
  api(`/api/payments/events/${eventId}/credit/apply`, {
    method: 'POST',
    body: {},
    headers: once(),
    schema: z.object({ applied: z.number(), creditMinor: z.number(), milestones: z.array(ZMilestone) }),
  });

export const refundCredit = (eventId: string, amountMinor: number, reason: string) =>
  api(`/api/payments/events/${eventId}/credit/refund`, {
    method: 'POST',
    body: { amountMinor, reason },
    headers: once(),
    schema: z.object({ refunded: z.array(z.string()) }),
  });

/** A money-desk write; refreshes every finance view when it settles. */
export function useDeskAction<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(...args),
    onSettled: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
  });
}
