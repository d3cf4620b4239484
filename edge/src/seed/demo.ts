import { CODE_FORMATS, codeSequenceKey, newId } from '@mandap/shared/common';
import { allocate } from '@mandap/shared/money';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  clients,
  codeSequences,
  eventAccess,
  events,
  leads,
  users,
  vendorAssignments,
  vendors,
} from '../db/schema/index.ts';
import { hashPassword } from '../features/auth/password.ts';
import {
  CITIES,
  DEMO_EVENT_PLAN,
  DEMO_PASSWORD,
  DEMO_USERS,
  EVENT_TYPE_WEIGHTS,
  FIRST_NAMES,
  LAST_NAMES,
  LEAD_SOURCE_WEIGHTS,
  LEAD_STAGE_WEIGHTS,
  LOST_REASONS,
  VENUES,
} from './demo-data.ts';

/** A small seeded PRNG (mulberry32), so the demo house is the same on every machine. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const weighted = <T>(xs: readonly [T, number][]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  };
  return { int, pick, weighted };
}

const DESTINATIONS = ['Udaipur', 'Goa', 'Jaipur', 'Dubai'];

const day = (base: Date, offset: number) => new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeds the demo house into an empty database, in one transaction. Idempotent: if any
 * user exists it does nothing, so a restart never duplicates the demo.
 */
export async function seedDemo(db: Db, opts: { now: Date; iterations: number }): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;
  const r = prng(2026);
  const now = opts.now;
  const at = now.toISOString();
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, opts.iterations)));
  const userRows = DEMO_USERS.map((u, i) => ({
    id: newId(),
    ...u,
    status: 'active' as const,
    passwordHash: hashes[i]!,
    createdAt: at,
    updatedAt: at,
  }));
  const byEmail = (e: string) => userRows.find((u) => u.email === e)!;
  const salesIds = userRows.filter((u) => u.role === 'sales').map((u) => u.id);
  const counters = new Map<string, number>();
  const code = (kind: 'lead' | 'client' | 'event' | 'vendor') => {
    const key = codeSequenceKey(kind, now);
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return CODE_FORMATS[kind](now, n);
  };
  const personName = () => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
  const phone = () => `+9198${r.int(10, 99)}${r.int(100000, 999999)}`;

  const clientRows = Array.from({ length: 10 }, (_, i) => {
    // Distinct first names (7 is coprime with 20), so no two events share a title.
    const name = i === 0 ? 'Ananya Kapoor' : `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${r.pick(LAST_NAMES)}`;
    return {
      id: newId(),
      code: code('client'),
      name,
      billingName: i % 3 === 0 ? `${name.split(' ')[1]} Family Trust` : name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.in`,
      phone: phone(),
      stateCode: '27',
      currency: i === 4 ? 'AED' : 'INR',
      whatsappOptIn: true,
      createdAt: at,
      updatedAt: at,
    };
  });

  const eventRows = clientRows.map((client, i) => {
    const plan = DEMO_EVENT_PLAN[i % DEMO_EVENT_PLAN.length]!;
    const { type, city, status } = plan;
    const isDestination = DESTINATIONS.includes(city);
    const start = status === 'completed' ? -20 : status === 'event_day' ? 0 : r.int(10, 200);
    const first = client.name.split(' ')[0];
    return {
      id: newId(),
      code: code('event'),
      name:
        type === 'corporate' ? `${client.name.split(' ')[1]} Group offsite` : `${first}'s ${type.replace('_', ' ')}`,
      clientId: client.id,
      eventType: type,
      status,
      startDate: day(now, start),
      endDate: day(now, start + (type.includes('wedding') ? 2 : 0)),
      city,
      venue: r.pick(VENUES[city] ?? ['To be decided']),
      guestCount: r.int(8, 60) * 10,
      isDestination,
      managerId: byEmail('manager@mandap.demo').id,
      createdAt: at,
      updatedAt: at,
    };
  });

  const leadRows = Array.from({ length: 50 }, (_, i) => {
    const stage = r.weighted(LEAD_STAGE_WEIGHTS);
    const source = r.weighted(LEAD_SOURCE_WEIGHTS);
    const city = r.pick(CITIES);
    const name = personName();
    const budgetLakh = r.int(5, 150);
    const [lo] = allocate(budgetLakh * 100_000_00, [4, 1]);
    const created = new Date(now.getTime() - r.int(0, 120) * 86_400_000 - i * 60_000);
    return {
      id: newId(),
      code: code('lead'),
      name,
      phone: phone(),
      email: r.int(0, 3) > 0 ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@gmail.com` : null,
      source,
      stage,
      temperature: r.pick(['hot', 'warm', 'warm', 'cold'] as const),
      ownerId: r.pick(salesIds),
      eventType: r.weighted(EVENT_TYPE_WEIGHTS),
      eventDateFrom: day(now, r.int(20, 300)),
      city,
      isDestination: DESTINATIONS.includes(city),
      guestCount: r.int(5, 80) * 10,
      budgetMinMinor: lo!,
      budgetMaxMinor: budgetLakh * 100_000_00,
      budgetCurrency: 'INR',
      lostReason: stage === 'lost' ? r.pick(LOST_REASONS) : null,
      nextFollowUpAt: ['won', 'lost'].includes(stage)
        ? null
        : new Date(now.getTime() + r.int(-3, 7) * 86_400_000).toISOString(),
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    };
  });

  const vendorUser = byEmail('vendor@mandap.demo');
  const clientUser = byEmail('client@mandap.demo');
  const vendorRow = {
    id: newId(),
    code: code('vendor'),
    name: 'Noor Decor',
    category: 'decor',
    contactName: 'Imran Qureshi',
    phone: vendorUser.phone,
    city: 'Mumbai',
    userId: vendorUser.id,
    createdAt: at,
    updatedAt: at,
  };

  await db.transaction(async (tx) => {
    await tx.insert(users).values(userRows);
    await tx.insert(clients).values(clientRows);
    await tx.insert(events).values(eventRows);
    for (let i = 0; i < leadRows.length; i += 25) await tx.insert(leads).values(leadRows.slice(i, i + 25));
    await tx.insert(vendors).values(vendorRow);
    await tx.insert(vendorAssignments).values(
      [eventRows[0]!, eventRows[1]!].map((e) => ({
        id: newId(),
        vendorId: vendorRow.id,
        eventId: e.id,
        scope: 'Mandap, stage and floral décor',
        amountMinor: 4_50_000_00,
        currency: 'INR',
        status: 'confirmed' as const,
        createdAt: at,
        updatedAt: at,
      })),
    );
    await tx.insert(eventAccess).values([
      // Noor's links come from the two assignments above: cancelling both removes them.
      { eventId: eventRows[0]!.id, userId: vendorUser.id, access: 'write', source: 'assignment', createdAt: at },
      { eventId: eventRows[1]!.id, userId: vendorUser.id, access: 'write', source: 'assignment', createdAt: at },
      { eventId: eventRows[0]!.id, userId: clientUser.id, access: 'read', createdAt: at },
    ]);
    await tx.insert(codeSequences).values([...counters].map(([key, value]) => ({ key, value })));
  });
  return true;
}
