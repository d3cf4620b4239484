import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { financeKeys } from './finance.api.ts';

const deskKey = [...financeKeys.all, 'money-desk'] as const;

/** Gateway money no payment link matched, newest first. */
export function useSuspense() {
  return useQuery({
    queryKey: [...deskKey, 'suspense'],
    queryFn: ({ signal }) => call(edge.payments.suspense.$get(undefined, withSignal(signal))),
    select: (d) => d.items,
  });
}

/** Events holding credit on account (money beyond what their milestones owe). */
export function useCredits() {
  return useQuery({
    queryKey: [...deskKey, 'credits'],
    queryFn: ({ signal }) => call(edge.payments.credits.$get(undefined, withSignal(signal))),
    select: (d) => d.credits,
  });
}

/** Cancelled bookings still holding money the client paid. */
export function useCancelledHoldings() {
  return useQuery({
    queryKey: [...deskKey, 'cancelled'],
    queryFn: ({ signal }) => call(edge.payments['cancelled-bookings'].$get(undefined, withSignal(signal))),
    select: (d) => d.bookings,
  });
}

/** Gateway captures and refunds next to the booked payments. */
export function useReconciliation() {
  return useQuery({
    queryKey: [...deskKey, 'reconciliation'],
    queryFn: ({ signal }) => call(edge.payments.reconciliation.$get(undefined, withSignal(signal))),
  });
}

const once = () => ({ 'idempotency-key': crypto.randomUUID() });

export const resolveSuspense = (id: string, eventId: string) =>
  call(edge.payments.suspense[':id'].resolve.$post({ param: { id }, header: once(), json: { eventId } }));

export const applyCredit = (eventId: string) =>
  call(edge.payments.events[':id'].credit.apply.$post({ param: { id: eventId }, header: once(), json: {} }));

export const refundCredit = (eventId: string, amountMinor: number, reason: string) =>
  call(
    edge.payments.events[':id'].credit.refund.$post({
      param: { id: eventId },
      header: once(),
      json: { amountMinor, reason },
    }),
  );

export const writeOffCredit = (eventId: string, reason: string) =>
  call(
    edge.payments.events[':id'].credit['write-off'].$post({
      param: { id: eventId },
      header: once(),
      json: { reason },
    }),
  );

/** A money-desk write; refreshes every finance view when it settles. */
export function useDeskAction<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(...args),
    onSettled: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
  });
}
