import { newId } from '@mandap/shared/common';
import {
  type BankDetails,
  categoryKeyOf,
  DEFAULT_VENDOR_CATEGORIES,
  maskAccountNumber,
  type Vendor,
  type VendorCategory,
  type VendorCreate,
  type VendorPatch,
  type VendorRating,
} from '@mandap/shared/vendors';
import { and, asc, desc, eq, gte, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { events, users, vendorAssignments, vendorCategories, vendorRatings, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Origin } from '../../lib/journal.ts';
import { nextCode, recordChange } from '../../lib/journal.ts';
import { bankKeyring, openBank, sealBank } from './bank-crypto.ts';

export type VendorRow = typeof vendors.$inferSelect;

// ---- categories ----

export async function listCategories(db: DbOrTx): Promise<VendorCategory[]> {
  const added = await db.select().from(vendorCategories).orderBy(asc(vendorCategories.label));
  return [
    ...DEFAULT_VENDOR_CATEGORIES.map((c) => ({ key: c.key, label: c.label, builtIn: true })),
    ...added.map((c) => ({ key: c.key, label: c.label, builtIn: false })),
  ];
}

export async function assertCategory(db: DbOrTx, key: string, field = 'category'): Promise<void> {
  if (DEFAULT_VENDOR_CATEGORIES.some((c) => c.key === key)) return;
  const [row] = await db
    .select({ key: vendorCategories.key })
    .from(vendorCategories)
    .where(eq(vendorCategories.key, key));
  if (!row)
    throw new AppError(
      'validation_failed',
      `Check the ${field}: "${key}" is not a vendor category (add it in Settings first).`,
      {
        fields: { [field]: 'unknown category' },
      },
    );
}

export async function addCategory(deps: Deps, viewer: Viewer, label: string): Promise<VendorCategory> {
  const key = categoryKeyOf(label);
  if (key.length < 2)
    throw new AppError('validation_failed', 'Check the label: use letters or digits.', {
      fields: { label: 'no letters' },
    });
  const existing = await listCategories(deps.db);
  if (existing.some((c) => c.key === key))
    throw new AppError('conflict', `There is already a category "${existing.find((c) => c.key === key)!.label}".`, {
      fields: { label: 'already exists' },
    });
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(vendorCategories).values({ key, label: label.trim(), createdAt: at.toISOString() });
    await recordChange(tx, {
      type: 'vendor_category.added',
      aggregateType: 'vendor_category',
      aggregateId: key,
      payload: { label },
      actorId: viewer.id,
      at,
      audit: { before: null, after: { key, label } },
    });
  });
  return { key, label: label.trim(), builtIn: false };
}

// ---- vendors ----

const ratingAvg = sql<
  number | null
>`(SELECT avg(${vendorRatings.rating}) FROM ${vendorRatings} WHERE ${vendorRatings.vendorId} = ${vendors.id})`;
const ratingCount = sql<number>`(SELECT count(*) FROM ${vendorRatings} WHERE ${vendorRatings.vendorId} = ${vendors.id})`;

function toView(row: VendorRow, rating: number | null, ratingN: number): Vendor {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    contacts:
      row.contacts ??
      (row.contactName
        ? [{ name: row.contactName, phone: row.phone ?? undefined, email: row.email ?? undefined }]
        : []),
    city: row.city,
    country: row.country,
    currency: row.currency,
    gstin: row.gstin,
    foreignTaxId: row.foreignTaxId,
    pan: row.pan,
    ifsc: row.ifsc,
    bankMasked: maskAccountNumber(row.bankLast4),
    bankName: row.bankName,
    rating: rating === null ? null : Math.round(Number(rating) * 10) / 10,
    ratingCount: Number(ratingN),
    notes: row.notes,
    hasLogin: row.userId !== null,
    active: row.active,
  };
}

/** What the audit log keeps of a vendor: never the bank ciphertext, only whether it is set and its last four. */
function auditable(row: Partial<VendorRow>) {
  const { bankCipher, bank, ...rest } = row;
  return { ...rest, bankSet: bankCipher !== undefined ? bankCipher !== null : undefined };
}

export async function loadVendor(db: DbOrTx, id: string): Promise<VendorRow> {
  const [row] = await db.select().from(vendors).where(eq(vendors.id, id)).limit(1);
  if (!row) throw notFound('That vendor');
  return row;
}

export async function getVendor(deps: Deps, id: string): Promise<Vendor> {
  const [r] = await deps.db
    .select({ v: vendors, rating: ratingAvg, n: ratingCount })
    .from(vendors)
    .where(eq(vendors.id, id))
    .limit(1);
  if (!r) throw notFound('That vendor');
  return toView(r.v, r.rating, r.n);
}

export interface VendorQuery {
  q?: string | undefined;
  category?: string | undefined;
  city?: string | undefined;
  minRating?: number | undefined;
}

export async function listVendors(deps: Deps, query: VendorQuery): Promise<Vendor[]> {
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const q = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(
        sql`${vendors.name} LIKE ${q} ESCAPE '\\'`,
        sql`${vendors.code} LIKE ${q} ESCAPE '\\'`,
        sql`coalesce(${vendors.contacts}, '') LIKE ${q} ESCAPE '\\'`,
        sql`coalesce(${vendors.gstin}, '') LIKE ${q} ESCAPE '\\'`,
      ),
    );
  }
  if (query.category) where.push(eq(vendors.category, query.category));
  if (query.city) where.push(like(sql`lower(${vendors.city})`, query.city.trim().toLowerCase()));
  if (query.minRating) where.push(gte(ratingAvg, query.minRating));
  const rows = await deps.db
    .select({ v: vendors, rating: ratingAvg, n: ratingCount })
    .from(vendors)
    .where(and(...where))
    .orderBy(asc(vendors.name))
    .limit(500);
  return rows.map((r) => toView(r.v, r.rating, r.n));
}

async function sealedBankFields(deps: Deps, vendorId: string, bank: VendorCreate['bank']) {
  if (bank === undefined) return {};
  if (bank === null) return { bankCipher: null, bankLast4: null, ifsc: null, bankName: null };
  const ring = await bankKeyring(deps.env);
  const details: BankDetails = {
    accountName: bank.accountName,
    accountNumber: bank.accountNumber,
    ifsc: bank.ifsc ?? null,
    bankName: bank.bankName ?? null,
    swift: bank.swift ?? null,
  };
  return {
    bankCipher: await sealBank(ring.current, vendorId, details),
    bankLast4: bank.accountNumber.slice(-4),
    ifsc: bank.ifsc ?? null,
    bankName: bank.bankName ?? null,
  };
}

export async function createVendor(
  deps: Deps,
  viewer: Viewer | null,
  input: VendorCreate & { userId?: string | null },
  origin?: Origin,
): Promise<Vendor> {
  await assertCategory(deps.db, input.category);
  const id = newId();
  const at = deps.now();
  const bank = await sealedBankFields(deps, id, input.bank);
  const row = await deps.db.transaction(async (tx) => {
    const code = await nextCode(tx, 'vendor', at);
    const values = {
      id,
      code,
      name: input.name,
      category: input.category,
      contacts: input.contacts,
      contactName: input.contacts[0]?.name ?? null,
      phone: input.contacts[0]?.phone ?? null,
      email: input.contacts[0]?.email ?? null,
      city: input.city,
      country: input.country,
      currency: input.currency,
      gstin: input.gstin ?? null,
      pan: input.pan ?? null,
      foreignTaxId: input.foreignTaxId ?? null,
      notes: input.notes ?? null,
      userId: input.userId ?? null,
      ...bank,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await tx.insert(vendors).values(values);
    await recordChange(tx, {
      type: 'vendor.created',
      aggregateType: 'vendor',
      aggregateId: id,
      payload: { code, name: input.name, category: input.category },
      actorId: viewer?.id ?? null,
      at,
      audit: { before: null, after: auditable(values), ip: origin?.ip ?? null, requestId: origin?.requestId ?? null },
    });
    return values;
  });
  return getVendor(deps, row.id);
}

export async function updateVendor(
  deps: Deps,
  viewer: Viewer,
  id: string,
  patch: VendorPatch,
  origin: Origin,
): Promise<Vendor> {
  const before = await loadVendor(deps.db, id);
  if (patch.category) await assertCategory(deps.db, patch.category);
  const country = patch.country ?? before.country;
  const gstin = patch.gstin === undefined ? before.gstin : patch.gstin;
  const foreign = patch.foreignTaxId === undefined ? before.foreignTaxId : patch.foreignTaxId;
  if (gstin && country !== 'IN')
    throw new AppError('validation_failed', 'Check the request body: gstin: a GSTIN is for vendors in India.', {
      fields: { gstin: 'India only' },
    });
  if (foreign && country === 'IN')
    throw new AppError(
      'validation_failed',
      'Check the request body: foreignTaxId: a vendor in India gives a GSTIN or PAN.',
      {
        fields: { foreignTaxId: 'not for India' },
      },
    );
  const at = deps.now();
  const { bank, contacts, ...rest } = patch;
  const set: Partial<VendorRow> = {
    ...rest,
    ...(contacts
      ? {
          contacts,
          contactName: contacts[0]?.name ?? null,
          phone: contacts[0]?.phone ?? null,
          email: contacts[0]?.email ?? null,
        }
      : {}),
    ...(await sealedBankFields(deps, id, bank)),
    updatedAt: at.toISOString(),
  };
  await deps.db.transaction(async (tx) => {
    await tx.update(vendors).set(set).where(eq(vendors.id, id));
    await recordChange(tx, {
      type: 'vendor.updated',
      aggregateType: 'vendor',
      aggregateId: id,
      payload: { fields: Object.keys(patch) },
      actorId: viewer.id,
      at,
      audit: {
        before: auditable(Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof VendorRow]]))),
        after: auditable(set),
        ip: origin.ip,
        requestId: origin.requestId,
      },
    });
  });
  return getVendor(deps, id);
}

/** The unmasked bank details, for finance; every reveal is written to the audit log (without the details). */
export async function revealBank(deps: Deps, viewer: Viewer, id: string, origin: Origin): Promise<BankDetails> {
  const row = await loadVendor(deps.db, id);
  if (!row.bankCipher) throw notFound('Bank details for this vendor');
  const details = await openBank(await bankKeyring(deps.env), row.id, row.bankCipher);
  await recordChange(deps.db, {
    type: 'vendor.bank_revealed',
    aggregateType: 'vendor',
    aggregateId: id,
    payload: { last4: row.bankLast4 },
    actorId: viewer.id,
    at: deps.now(),
    audit: {
      before: null,
      after: { revealed: 'bank details', last4: row.bankLast4 },
      ip: origin.ip,
      requestId: origin.requestId,
    },
  });
  return details;
}

// ---- ratings ----

export async function rateVendor(
  deps: Deps,
  viewer: Viewer,
  vendorId: string,
  input: { eventId: string; rating: number; notes?: string | undefined },
): Promise<VendorRating[]> {
  await loadVendor(deps.db, vendorId);
  const [worked] = await deps.db
    .select({ id: vendorAssignments.id })
    .from(vendorAssignments)
    .where(and(eq(vendorAssignments.vendorId, vendorId), eq(vendorAssignments.eventId, input.eventId)))
    .limit(1);
  if (!worked)
    throw new AppError(
      'unprocessable',
      'Rate a vendor on an event they worked: this vendor has no assignment on that event.',
      {
        fields: { eventId: 'no assignment on this event' },
      },
    );
  const at = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(vendorRatings)
      .values({
        id: newId(),
        vendorId,
        eventId: input.eventId,
        rating: input.rating,
        notes: input.notes ?? null,
        byUserId: viewer.id,
        createdAt: at,
      })
      .onConflictDoUpdate({
        target: [vendorRatings.vendorId, vendorRatings.eventId],
        set: { rating: input.rating, notes: input.notes ?? null, byUserId: viewer.id, createdAt: at },
      });
    await recordChange(tx, {
      type: 'vendor.rated',
      aggregateType: 'vendor',
      aggregateId: vendorId,
      payload: { eventId: input.eventId, rating: input.rating },
      actorId: viewer.id,
      at: deps.now(),
    });
  });
  return listRatings(deps, vendorId);
}

export async function listRatings(deps: Deps, vendorId: string): Promise<VendorRating[]> {
  return deps.db
    .select({
      id: vendorRatings.id,
      eventId: vendorRatings.eventId,
      eventName: events.name,
      rating: vendorRatings.rating,
      notes: vendorRatings.notes,
      byName: users.name,
      at: vendorRatings.createdAt,
    })
    .from(vendorRatings)
    .innerJoin(events, eq(events.id, vendorRatings.eventId))
    .leftJoin(users, eq(users.id, vendorRatings.byUserId))
    .where(eq(vendorRatings.vendorId, vendorId))
    .orderBy(desc(vendorRatings.createdAt));
}
