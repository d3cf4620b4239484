import { type PaymentResult, ZRecordPayment } from '@mandap/shared/payments';
import { addDays, indiaDate as istDate } from '@mandap/shared/time';
import { and, count, eq } from 'drizzle-orm';
import { payments, quotes, quoteVersions, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { runIdempotent } from '../../lib/idempotency.ts';
import { createPlan, editPlan } from './milestones.service.ts';
import { recordPayment } from './payments.service.ts';

/** The key the demo advance is recorded under: seeding twice can never book it twice. */
export const DEMO_ADVANCE_KEY = 'demo-seed:advance:accepted-quote';

/**
 * Money on the demo house, through the same services the API uses: the event whose quote
 * was accepted (see seedDemoQuotes) gets the standard 30/50/20 plan, its advance paid by UPI
 * three days ago on its due date (booking confirmed, a receipt numbered), and its second
 * instalment, agreed for yesterday, left unpaid, so outstanding, ageing and the Overdue tab all have something to
 * show. Idempotent: does nothing once any payment exists or when there is no accepted quote.
 */
export async function seedDemoPayments(deps: Deps): Promise<boolean> {
  const [existing] = await deps.db.select({ n: count() }).from(payments);
  if ((existing?.n ?? 0) > 0) return false;
  const [finance] = await deps.db.select().from(users).where(eq(users.email, 'finance@mandap.demo'));
  const [accepted] = await deps.db
    .select({ eventId: quotes.eventId })
    .from(quoteVersions)
    .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
    .where(and(eq(quoteVersions.status, 'accepted'), eq(quoteVersions.version, 1)))
    .orderBy(quotes.code)
    .limit(1);
  if (!finance || !accepted?.eventId) return false;
  const viewer: Viewer = { id: finance.id, email: finance.email, name: finance.name, role: finance.role };
  const eventId = accepted.eventId;
  const today = istDate(deps.now());

  const plan = await createPlan(deps, viewer, { eventId, template: 'standard' });
  const advance = plan[0]!;
  const input = ZRecordPayment.parse({
    eventId,
    mode: 'upi',
    reference: 'UPI/432198765012',
    receivedOn: addDays(today, -3),
    amountMinor: advance.amountMinor,
    currency: advance.currency,
    allocations: [{ milestoneId: advance.id, amountMinor: advance.amountMinor }],
  });
  const at = deps.now();
  await runIdempotent<PaymentResult>(
    deps,
    { scope: `payments.record:${finance.id}`, key: DEMO_ADVANCE_KEY, request: input },
    async (tx) => ({
      status: 201,
      body: await recordPayment(tx, { viewer, actorId: finance.id, requestId: 'seed-demo-payments' }, input, at),
    }),
  );

  // Agreed at signing: advance on the day it came in, second instalment yesterday (still unpaid).
  const agreed = [addDays(today, -3), addDays(today, -1)];
  await editPlan(deps, viewer, eventId, {
    milestones: plan.map((m) => ({
      id: m.id,
      label: m.label,
      dueDate: agreed[m.seq - 1] ?? m.dueDate,
      amountMinor: m.amountMinor,
    })),
  });
  return true;
}
