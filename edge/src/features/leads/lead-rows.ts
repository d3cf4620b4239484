import type { LeadDetail, LeadSummary } from '@mandap/shared/leads';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, leads, users } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';

export type LeadRow = typeof leads.$inferSelect;

/** The columns of a lead summary, for list queries joined with the owner. */
export const summaryColumns = {
  id: leads.id,
  code: leads.code,
  name: leads.name,
  phone: leads.phone,
  email: leads.email,
  source: leads.source,
  stage: leads.stage,
  temperature: leads.temperature,
  ownerId: leads.ownerId,
  ownerName: users.name,
  eventType: leads.eventType,
  eventDate: leads.eventDateFrom,
  city: leads.city,
  budgetMaxMinor: leads.budgetMaxMinor,
  budgetCurrency: leads.budgetCurrency,
  nextFollowUpAt: leads.nextFollowUpAt,
  createdAt: leads.createdAt,
};

export function toLeadDetail(row: LeadRow, ownerName: string | null, referredByClientName: string | null): LeadDetail {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    email: row.email,
    source: row.source,
    sourceDetail: row.sourceDetail,
    stage: row.stage,
    temperature: row.temperature,
    ownerId: row.ownerId,
    ownerName,
    eventType: row.eventType,
    eventDate: row.eventDateFrom,
    eventDateFrom: row.eventDateFrom,
    eventDateTo: row.eventDateTo,
    functions: row.functions ?? [],
    city: row.city,
    venue: row.venue,
    isDestination: row.isDestination,
    guestCount: row.guestCount,
    budgetMinMinor: row.budgetMinMinor,
    budgetMaxMinor: row.budgetMaxMinor,
    budgetCurrency: row.budgetCurrency as LeadDetail['budgetCurrency'],
    requirements: row.requirements,
    attribution: row.attribution ?? null,
    nextFollowUpAt: row.nextFollowUpAt,
    lostReason: row.lostReason,
    clientId: row.clientId,
    referredByClientId: row.referredByClientId,
    referredByClientName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toSummary(d: LeadDetail): LeadSummary {
  const { ownerId, ownerName, id, code, name, phone, email, source, stage, temperature, eventType, eventDate } = d;
  return {
    id,
    code,
    name,
    phone,
    email,
    source,
    stage,
    temperature,
    ownerId,
    ownerName,
    eventType,
    eventDate,
    city: d.city,
    budgetMaxMinor: d.budgetMaxMinor,
    budgetCurrency: d.budgetCurrency,
    nextFollowUpAt: d.nextFollowUpAt,
    createdAt: d.createdAt,
  };
}

/** Loads a lead with its owner's and referrer's names, or answers 404. */
export async function loadLead(db: DbOrTx, id: string): Promise<{ row: LeadRow; detail: LeadDetail }> {
  const [found] = await db
    .select({ lead: leads, ownerName: users.name, referrerName: clients.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(clients, eq(clients.id, leads.referredByClientId))
    .where(eq(leads.id, id))
    .limit(1);
  if (!found) throw notFound('That lead');
  return { row: found.lead, detail: toLeadDetail(found.lead, found.ownerName, found.referrerName) };
}

/** What the audit log keeps of a lead: the fields people change. */
export function auditView(row: LeadRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, id: _i, ...rest } = row;
  return rest;
}
