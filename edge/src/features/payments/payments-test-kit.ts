import { newId } from '@mandap/shared/common';
import type { BookingState } from '@mandap/shared/events';
import { type Currency, convertMoney, type FxSnapshot } from '@mandap/shared/money';
import type { Milestone, PaymentResult } from '@mandap/shared/payments';
import { events, quotes, quoteVersions } from '../../db/schema/index.ts';
import type { TestApp } from '../../test-support.ts';

let serial = 0;

/** A fresh event for the first demo client, with no quotation. */
export async function bareEvent(t: TestApp, opts: { status?: BookingState; startDate?: string; leadId?: string } = {}) {
  const at = t.clock.now().toISOString();
  const rs = await t.deps.db.$client.execute('SELECT id FROM clients ORDER BY code LIMIT 1');
  const clientId = String(rs.rows[0]!.id);
  const eventId = newId();
  const n = ++serial;
  await t.deps.db.insert(events).values({
    id: eventId,
    code: `EV-T-${String(n).padStart(5, '0')}-${eventId.slice(-4)}`,
    name: `Test wedding ${n}`,
    clientId,
    leadId: opts.leadId ?? null,
    eventType: 'wedding',
    status: opts.status ?? 'proposal_sent',
    startDate: opts.startDate ?? '2099-12-14',
    endDate: opts.startDate ?? '2099-12-14',
    city: 'Mumbai',
    createdAt: at,
    updatedAt: at,
  });
  return { eventId, clientId, at };
}

/** A fresh event for a demo client, with an accepted quote version of `totalMinor` and no plan yet. */
export async function eventWithAcceptedQuote(
  t: TestApp,
  opts: {
    totalMinor?: number;
    /** GST included in the total (split CGST + SGST for the demo client in Maharashtra). */
    taxMinor?: number;
    currency?: Currency;
    /** The quote's FX snapshot (a foreign-currency quote priced at this rate). */
    fx?: FxSnapshot;
    status?: BookingState;
    startDate?: string;
    leadId?: string;
  } = {},
) {
  const { eventId, clientId, at } = await bareEvent(t, opts);
  const quoteId = newId();
  const currency = opts.currency ?? 'INR';
  const total = opts.totalMinor ?? 10_00_000_00;
  await t.deps.db.insert(quotes).values({
    id: quoteId,
    code: `QT/T/${quoteId}`,
    eventId,
    clientId,
    status: 'accepted',
    currency,
    currentVersion: 1,
    createdAt: at,
    updatedAt: at,
  });
  await t.deps.db.insert(quoteVersions).values({
    id: newId(),
    quoteId,
    version: 1,
    status: 'accepted',
    currency,
    lines: [],
    subtotalMinor: total - (opts.taxMinor ?? 0),
    taxMinor: opts.taxMinor ?? 0,
    totalMinor: total,
    totalInrMinor: opts.fx ? convertMoney({ amountMinor: total, currency }, opts.fx, 'INR').amountMinor : total,
    ...(opts.fx ? { fx: opts.fx } : {}),
    acceptedAt: at,
    createdAt: at,
  });
  return { eventId, clientId, totalMinor: total };
}

/** An event with a 30/50/20 plan, planned by finance. */
export async function plannedEvent(
  t: TestApp,
  auth: Record<string, string>,
  opts: Parameters<typeof eventWithAcceptedQuote>[1] = {},
) {
  const e = await eventWithAcceptedQuote(t, opts);
  const res = await t.json('POST', '/api/payments/milestone-plans', { eventId: e.eventId }, auth);
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${await res.text()}`);
  const { milestones } = (await res.json()) as { milestones: Milestone[] };
  return { ...e, milestones };
}

export async function postPayment(
  t: TestApp,
  auth: Record<string, string>,
  body: Record<string, unknown>,
  key: string = newId(),
) {
  const res = await t.json('POST', '/api/payments', body, { ...auth, 'idempotency-key': key });
  return {
    status: res.status,
    body: (await res.json()) as PaymentResult & { error?: { code: string; message: string } },
  };
}
