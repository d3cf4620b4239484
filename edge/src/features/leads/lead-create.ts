import { newId } from '@mandap/shared/common';
import {
  type AssignmentFacts,
  chooseOwner,
  dedupeKeys,
  type LeadSource,
  type LeadStage,
  type LeadSummary,
} from '@mandap/shared/leads';
import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { leadAssignmentRules, leads, users } from '../../db/schema/index.ts';
import type { LeadAttribution, LeadFunction } from '../../db/schema/records.ts';
import { type Actor, nextCode, recordChange } from '../../lib/journal.ts';
import { auditView, type LeadRow, summaryColumns } from './lead-rows.ts';

/** A lead ready to insert: contact already normalised (E.164 phone, lower-case email). */
export interface NewLead {
  name: string;
  phone: string | null;
  email: string | null;
  source: LeadSource;
  sourceDetail?: string | null;
  externalRef?: string | null;
  stage?: LeadStage;
  temperature?: 'hot' | 'warm' | 'cold';
  ownerId?: string | null;
  eventType?: LeadRow['eventType'];
  eventDateFrom?: string | null;
  eventDateTo?: string | null;
  functions?: LeadFunction[] | null;
  city?: string | null;
  venue?: string | null;
  isDestination?: boolean;
  guestCount?: number | null;
  budgetMinMinor?: number | null;
  budgetMaxMinor?: number | null;
  budgetCurrency?: string;
  requirements?: string | null;
  attribution?: LeadAttribution | null;
  referredByClientId?: string | null;
}

/** Existing leads that share a phone or email with any of `contacts`, keyed by dedupe key. */
export async function findExistingByKeys(
  db: DbOrTx,
  contacts: { phone: string | null; email: string | null }[],
): Promise<Map<string, LeadSummary>> {
  const phones = [...new Set(contacts.map((c) => c.phone).filter((p): p is string => !!p))];
  const emails = [...new Set(contacts.map((c) => c.email?.toLowerCase()).filter((e): e is string => !!e))];
  const found = new Map<string, LeadSummary>();
  const CHUNK = 400;
  const conditions: SQL[] = [];
  for (let i = 0; i < phones.length; i += CHUNK) conditions.push(inArray(leads.phone, phones.slice(i, i + CHUNK)));
  for (let i = 0; i < emails.length; i += CHUNK) conditions.push(inArray(leads.email, emails.slice(i, i + CHUNK)));
  for (const condition of conditions) {
    const rows = await db
      .select(summaryColumns)
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(condition)
      .orderBy(asc(leads.createdAt));
    for (const row of rows) for (const k of dedupeKeys(row)) if (!found.has(k)) found.set(k, row as LeadSummary);
  }
  return found;
}

/** The existing lead with the same phone or email, if any. */
export async function findDuplicate(
  db: DbOrTx,
  contact: { phone: string | null; email: string | null },
): Promise<LeadSummary | null> {
  if (!contact.phone && !contact.email) return null;
  const found = await findExistingByKeys(db, [contact]);
  return (
    dedupeKeys(contact)
      .map((k) => found.get(k))
      .find(Boolean) ?? null
  );
}

/**
 * Picks owners for new leads: rules first, else round-robin among active sales users. Loads
 * the rules and the team once, so a 10k-row import does not query per row.
 */
export async function ownerPicker(db: DbOrTx): Promise<(lead: AssignmentFacts) => string | null> {
  const [rules, sales] = await Promise.all([
    db.select().from(leadAssignmentRules).orderBy(asc(leadAssignmentRules.position)),
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'sales'), eq(users.status, 'active')))
      .orderBy(asc(users.createdAt), asc(users.id)),
  ]);
  const activeSalesIds = sales.map((s) => s.id);
  let lastAssignedId: string | null = null;
  if (activeSalesIds.length) {
    const [last] = await db
      .select({ ownerId: leads.ownerId })
      .from(leads)
      .where(and(isNotNull(leads.ownerId), inArray(leads.ownerId, activeSalesIds)))
      .orderBy(desc(leads.createdAt), desc(leads.id))
      .limit(1);
    lastAssignedId = last?.ownerId ?? null;
  }
  return (lead) => {
    const choice = chooseOwner({ lead, rules, activeSalesIds, lastAssignedId });
    if (choice?.why === 'round_robin') lastAssignedId = choice.ownerId;
    return choice?.ownerId ?? null;
  };
}

/** The row to insert for a new lead (code and owner already decided). */
export function leadValues(input: NewLead, code: string, ownerId: string | null, at: Date) {
  return {
    id: newId(),
    code,
    name: input.name,
    phone: input.phone,
    email: input.email,
    source: input.source,
    sourceDetail: input.sourceDetail ?? null,
    externalRef: input.externalRef ?? null,
    stage: input.stage ?? 'new',
    temperature: input.temperature ?? 'warm',
    ownerId,
    eventType: input.eventType ?? null,
    eventDateFrom: input.eventDateFrom ?? null,
    eventDateTo: input.eventDateTo ?? null,
    functions: input.functions ?? null,
    city: input.city ?? null,
    venue: input.venue ?? null,
    isDestination: input.isDestination ?? false,
    guestCount: input.guestCount ?? null,
    budgetMinMinor: input.budgetMinMinor ?? null,
    budgetMaxMinor: input.budgetMaxMinor ?? null,
    budgetCurrency: input.budgetCurrency ?? 'INR',
    requirements: input.requirements ?? null,
    attribution: input.attribution ?? null,
    referredByClientId: input.referredByClientId ?? null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  } satisfies typeof leads.$inferInsert;
}

/** Inserts one lead with its code, owner, domain event and audit entry. Call inside a transaction. */
export async function insertLead(tx: DbOrTx, input: NewLead, actor: Actor, at: Date): Promise<LeadRow> {
  const ownerId =
    input.ownerId ??
    (await ownerPicker(tx))({ source: input.source, city: input.city ?? null, eventType: input.eventType ?? null });
  const code = await nextCode(tx, 'lead', at);
  const [row] = await tx
    .insert(leads)
    .values(leadValues(input, code, ownerId, at))
    .returning();
  await recordChange(tx, {
    type: 'lead.created',
    aggregateType: 'lead',
    aggregateId: row!.id,
    payload: { code, source: row!.source, ownerId },
    actorId: actor.actorId,
    at,
    audit: { before: null, after: auditView(row!), ip: actor.ip ?? null, requestId: actor.requestId ?? null },
  });
  return row!;
}

/** A lead already recorded from the same provider delivery (Meta leadgen id, Google lead id). */
export async function findByExternalRef(db: DbOrTx, source: LeadSource, externalRef: string) {
  const [row] = await db
    .select({ id: leads.id, code: leads.code })
    .from(leads)
    .where(and(eq(leads.source, source), eq(leads.externalRef, externalRef)))
    .limit(1);
  return row ?? null;
}
