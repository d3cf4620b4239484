import { indiaInstantIso, indiaDate as istDate } from '@mandap/shared/time';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { eventAccess, events, users, vendorAssignments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { changeStatus, createAssignment } from './assignments.service.ts';
import { addDependency } from './dependencies.service.ts';
import { recordVendorPayment, setSchedule } from './payables.service.ts';
import { createVendor } from './vendors.service.ts';

const asViewer = (u: typeof users.$inferSelect): Viewer => ({ id: u.id, email: u.email, name: u.name, role: u.role });
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A few vendors and assignments on the demo house, through the vendor services (PO numbers,
 * ledger entries, audit as in real use). On the vendor login's first event: the caterer's menu
 * (confirmed, advance paid with TDS, one instalment overdue), Noor Decor's décor waiting on the
 * menu, and lighting waiting on the décor, so the event's vendor view shows a blocked chain.
 * Bank details are sealed only when VENDOR_BANK_KEY is set. Idempotent: nothing once any PO exists.
 */
export async function seedDemoVendors(deps: Deps): Promise<boolean> {
  const [anyPo] = await deps.db
    .select({ id: vendorAssignments.id })
    .from(vendorAssignments)
    .where(isNotNull(vendorAssignments.poNumber))
    .limit(1);
  if (anyPo) return false;
  const [ops] = await deps.db.select().from(users).where(eq(users.email, 'ops@mandap.demo'));
  const [finance] = await deps.db.select().from(users).where(eq(users.email, 'finance@mandap.demo'));
  const [noor] = await deps.db
    .select({ id: vendors.id, userId: vendors.userId })
    .from(vendors)
    .where(eq(vendors.name, 'Noor Decor'));
  if (!ops || !finance || !noor?.userId) return false;
  const [linked] = await deps.db
    .select({ id: events.id, startDate: events.startDate })
    .from(eventAccess)
    .innerJoin(events, eq(events.id, eventAccess.eventId))
    .where(and(eq(eventAccess.userId, noor.userId)))
    .orderBy(asc(events.startDate))
    .limit(1);
  if (!linked) return false;
  const staff = asViewer(ops);
  const bank = (name: string, accountNumber: string, ifsc: string, bankName: string) =>
    deps.env.VENDOR_BANK_KEY ? { bank: { accountName: name, accountNumber, ifsc, bankName } } : {};

  const shree = await createVendor(deps, staff, {
    name: 'Shree Caterers',
    category: 'catering',
    city: 'Mumbai',
    country: 'IN',
    currency: 'INR',
    gstin: '27AAPFU0939F1ZV',
    pan: 'AAPFU0939F',
    contacts: [{ name: 'Ramesh Shetty', role: 'Owner', phone: '+91 98200 55501', email: 'ramesh@shree.example' }],
    ...bank('Shree Caterers', '50100987654321', 'HDFC0001234', 'HDFC Bank'),
  });
  const roshni = await createVendor(deps, staff, {
    name: 'Roshni Lights',
    category: 'lighting',
    city: 'Mumbai',
    country: 'IN',
    currency: 'INR',
    pan: 'ABCPR1234K',
    contacts: [{ name: 'Sunil Rao', phone: '+91 98200 55502' }],
    ...bank('Sunil Rao', '001234567890', 'ICIC0000456', 'ICICI Bank'),
  });
  await createVendor(deps, staff, {
    name: 'Lens & Light Studio',
    category: 'photography',
    city: 'Pune',
    country: 'IN',
    currency: 'INR',
    contacts: [{ name: 'Aditi Kulkarni', phone: '+91 98200 55503' }],
  });
  await createVendor(deps, staff, {
    name: 'Dubai Stage Co',
    category: 'dj_sound',
    city: 'Dubai',
    country: 'AE',
    currency: 'AED',
    foreignTaxId: '100234567800003',
    contacts: [{ name: 'Omar Haddad', phone: '+971 50 123 4567' }],
  });

  const day = linked.startDate;
  const arrive = (hh: number) => indiaInstantIso(day, `${String(hh).padStart(2, '0')}:00`);
  const menu = await createAssignment(deps, staff, {
    vendorId: shree.id,
    eventId: linked.id,
    scope: 'Confirmed menu and dinner for 400 guests',
    budgetCategory: 'catering',
    lines: [
      { description: 'Dinner buffet, per plate', quantity: 400, unitMinor: 1_800_00 },
      { description: 'Live counters', quantity: 2, unitMinor: 35_000_00 },
    ],
    terms: '30% advance on confirmation, balance a week before the event. Menu tasting included.',
    milestones: [{ label: 'Menu tasting', date: addDays(day, -20) }],
    arrivalExpectedAt: arrive(14),
  });
  const decor = await createAssignment(deps, staff, {
    vendorId: noor.id,
    eventId: linked.id,
    scope: 'Table and stage décor to match the menu',
    budgetCategory: 'decor',
    lines: [{ description: 'Table centrepieces and stage florals', quantity: 1, unitMinor: 2_40_000_00 }],
    terms: '50% advance, balance on delivery.',
    milestones: [{ label: 'Décor mock-up', date: addDays(day, -7) }],
    arrivalExpectedAt: arrive(10),
  });
  const lights = await createAssignment(deps, staff, {
    vendorId: roshni.id,
    eventId: linked.id,
    scope: 'Uplighting on the décor',
    budgetCategory: 'lighting',
    lines: [{ description: 'Uplighters and pin spots', quantity: 40, unitMinor: 1_500_00 }],
    milestones: [],
    arrivalExpectedAt: arrive(12),
  });
  await addDependency(deps, staff, decor.id, {
    dependsOnId: menu.id,
    kind: 'finish_to_start',
    note: 'Décor colours follow the menu',
  });
  await addDependency(deps, staff, lights.id, { dependsOnId: decor.id, kind: 'finish_to_start' });
  await changeStatus(deps, staff, menu.id, 'confirmed');

  const money = asViewer(finance);
  const today = istDate(deps.now());
  const advance = Math.round(menu.amountMinor * 0.3);
  await setSchedule(deps, money, menu.id, [
    { label: 'Advance (30%)', dueDate: addDays(today, -20), amountMinor: advance },
    { label: 'Second part', dueDate: addDays(today, -3), amountMinor: Math.round(menu.amountMinor * 0.3) },
    {
      label: 'Balance',
      dueDate: addDays(day, -7) > today ? addDays(day, -7) : addDays(today, 10),
      amountMinor: menu.amountMinor - 2 * Math.round(menu.amountMinor * 0.3),
    },
  ]);
  await deps.db.transaction((tx) =>
    recordVendorPayment(
      tx,
      money,
      menu.id,
      { amountMinor: advance, mode: 'neft', reference: 'NEFT-DEMO-0001', paidOn: addDays(today, -19) },
      deps.now(),
    ),
  );
  return true;
}
