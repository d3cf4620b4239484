import { checkCreditRefund, isGatewayMode, PAYMENT_MODE_LABELS } from '@mandap/shared/payments';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { eventCreditSplit } from './credit.service.ts';
import { loadVisibleEvent } from './event-scope.ts';
import { type MoneyActor, refundPayment } from './payments.service.ts';

/**
 * Pays an event's credit on account back to the client by hand, from the receipts that hold it
 * and were received otherwise than through a gateway. The event's credit (`eventCreditOf`'s rule)
 * and its split by source decide (`checkCreditRefund`): the receipts' own surplus may be more than
 * the event holds once credit was applied to milestones. Credit a gateway collected is refunded at
 * the gateway, whose refund report books it (and takes it off the credit) once.
 */
export async function refundCredit(
  tx: Tx,
  actor: MoneyActor,
  eventId: string,
  input: { amountMinor: number; reason: string },
  at: Date,
): Promise<{ refunded: string[] }> {
  const event = await loadVisibleEvent(tx, actor.viewer, eventId);
  const { split, sources } = await eventCreditSplit(tx, event.id);
  const check = checkCreditRefund(split, input.amountMinor);
  if (!check.ok && check.kind === 'beyond_credit')
    throw new AppError(
      'unprocessable',
      `${event.code} holds ${check.limitMinor} paise of credit on account; a refund of ${input.amountMinor} is more.`,
      { fields: { amountMinor: `at most ${check.limitMinor}` } },
    );
  if (!check.ok) {
    const atGateway = sources.filter((s) => isGatewayMode(s.mode));
    const gateways = [...new Set(atGateway.map((s) => PAYMENT_MODE_LABELS[s.mode]))].join(' or ');
    throw new AppError(
      'unprocessable',
      `${split.byGatewayMinor} paise of ${event.code}'s credit was collected by ${gateways} (${atGateway.map((s) => s.code).join(', ')}): refund it in ${gateways}; its refund report is booked here and reduces the credit. ${split.byHandMinor} paise can be refunded from here.`,
      { fields: { amountMinor: `at most ${split.byHandMinor} here; refund the rest in ${gateways}` } },
    );
  }
  let left = input.amountMinor;
  const refunded: string[] = [];
  for (const s of sources.filter((s) => !isGatewayMode(s.mode))) {
    if (left <= 0) break;
    const take = Math.min(left, s.left);
    const r = await refundPayment(tx, actor, s.id, { kind: 'refund', amountMinor: take, reason: input.reason }, at, {
      creditOnly: true,
    });
    refunded.push(r.payment.code);
    left -= take;
  }
  return { refunded };
}
