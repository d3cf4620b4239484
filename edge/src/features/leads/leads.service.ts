import {
  type CreateLeadParsed,
  LEAD_STAGES,
  type LeadCampaigns,
  type LeadCounts,
  type LeadDetail,
  type LeadListQuery,
  type LeadSource,
  type LeadSummary,
  type UpdateLead,
} from '@mandap/shared/leads';
import { and, asc, count, desc, eq, gte, isNotNull, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, leads, users } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, recordChange } from '../../lib/journal.ts';
import { followBrief } from '../events/event-facts.ts';
import { assertHouseEventType } from './event-types.service.ts';
import { findDuplicate, insertLead } from './lead-create.ts';
import { auditView, loadLead, summaryColumns } from './lead-rows.ts';

const SORT_COLUMNS = {
  createdAt: leads.createdAt,
  eventDate: leads.eventDateFrom,
  budget: leads.budgetMaxMinor,
  name: leads.name,
  nextFollowUpAt: leads.nextFollowUpAt,
} as const;

/** The lead's utm_source and campaign (utm_campaign, else the ad platform's campaign id): the indexed expressions. */
export const utmSourceOf = sql<string | null>`json_extract(${leads.attribution}, '$.utmSource')`;
export const campaignOf = sql<
  string | null
>`coalesce(json_extract(${leads.attribution}, '$.utmCampaign'), json_extract(${leads.attribution}, '$.campaignId'))`;

function listFilters(query: LeadListQuery, viewer: Viewer): SQL[] {
  const f: SQL[] = [];
  if (query.stage) f.push(eq(leads.stage, query.stage));
  if (query.source) f.push(eq(leads.source, query.source));
  if (query.temperature) f.push(eq(leads.temperature, query.temperature));
  if (query.owner === 'none') f.push(isNull(leads.ownerId));
  else if (query.owner) f.push(eq(leads.ownerId, query.owner === 'me' ? viewer.id : query.owner));
  if (query.eventFrom) f.push(gte(leads.eventDateFrom, query.eventFrom));
  if (query.eventTo) f.push(lte(leads.eventDateFrom, query.eventTo));
  if (query.budgetMin !== undefined) f.push(gte(leads.budgetMaxMinor, query.budgetMin));
  if (query.budgetMax !== undefined) f.push(lte(leads.budgetMaxMinor, query.budgetMax));
  if (query.utmSource) f.push(sql`${utmSourceOf} = ${query.utmSource}`);
  if (query.campaign) f.push(sql`${campaignOf} = ${query.campaign}`);
  if (query.q) {
    const q = `%${query.q.replace(/[%_]/g, '')}%`;
    f.push(or(like(leads.name, q), like(leads.code, q), like(leads.phone, q), like(leads.email, q))!);
  }
  return f;
}

/** Leads filtered and sorted, a page at a time, with the total matching. */
export async function listLeads(
  deps: Deps,
  viewer: Viewer,
  query: LeadListQuery,
): Promise<{ leads: LeadSummary[]; total: number }> {
  const filters = listFilters(query, viewer);
  const where = filters.length ? and(...filters) : undefined;
  const order = query.dir === 'asc' ? asc : desc;
  const [rows, [totals]] = await Promise.all([
    deps.db
      .select(summaryColumns)
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(where)
      .orderBy(order(SORT_COLUMNS[query.sort]), order(leads.id))
      .limit(query.limit)
      .offset(query.offset),
    deps.db.select({ n: count() }).from(leads).where(where),
  ]);
  return { leads: rows as LeadSummary[], total: totals?.n ?? 0 };
}

/**
 * How many leads match, per stage, counted by the database over every lead (one GROUP BY on
 * the stage index), for the dashboard's figures and the board's column totals.
 */
export async function countLeads(
  deps: Deps,
  viewer: Viewer,
  query: Omit<LeadListQuery, 'stage' | 'sort' | 'dir' | 'limit' | 'offset'>,
): Promise<LeadCounts> {
  const filters = listFilters({ ...query, sort: 'createdAt', dir: 'desc', limit: 1, offset: 0 }, viewer);
  const rows = await deps.db
    .select({ stage: leads.stage, n: count() })
    .from(leads)
    .where(filters.length ? and(...filters) : undefined)
    .groupBy(leads.stage);
  const byStage = Object.fromEntries(LEAD_STAGES.map((s) => [s, 0])) as LeadCounts['byStage'];
  for (const r of rows) byStage[r.stage] = r.n;
  const total = rows.reduce((a, r) => a + r.n, 0);
  return { byStage, total, won: byStage.won, lost: byStage.lost, open: total - byStage.won - byStage.lost };
}

/** Every utm_source × campaign leads came from, with their lead counts, most leads first (for filters and ROI). */
export async function listCampaigns(deps: Deps): Promise<LeadCampaigns> {
  const rows = await deps.db
    .select({ utmSource: utmSourceOf, campaign: campaignOf, leads: count() })
    .from(leads)
    .where(isNotNull(leads.attribution))
    .groupBy(utmSourceOf, campaignOf)
    .orderBy(desc(count()))
    .limit(500);
  return {
    campaigns: rows
      .filter((r) => r.utmSource != null || r.campaign != null)
      .map((r) => ({
        utmSource: r.utmSource,
        campaign: r.campaign == null ? null : String(r.campaign),
        leads: r.leads,
      })),
  };
}

export async function getLead(deps: Deps, id: string): Promise<LeadDetail> {
  return (await loadLead(deps.db, id)).detail;
}

export type CreateLeadOutcome = { created: LeadDetail } | { duplicate: LeadSummary };

/** Creates a lead by hand, unless one with the same phone or email exists: then answers that one. */
export async function createLead(deps: Deps, input: CreateLeadParsed, actor: Actor): Promise<CreateLeadOutcome> {
  const contact = { phone: input.phone ?? null, email: input.email ?? null };
  const now = deps.now();
  const result = await deps.db.transaction(async (tx): Promise<{ duplicate: LeadSummary } | { id: string }> => {
    const duplicate = await findDuplicate(tx, contact);
    if (duplicate) return { duplicate };
    if (input.ownerId) await assertAssignable(tx, input.ownerId);
    if (input.referredByClientId) await assertReferrer(tx, input.referredByClientId, input.source);
    await assertHouseEventType(tx, input.eventType);
    const row = await insertLead(tx, { ...input, ...contact }, actor, now);
    return { id: row.id };
  });
  if ('duplicate' in result) return result;
  return { created: await getLead(deps, result.id) };
}

/** Only active internal sales-side users may own leads. */
async function assertAssignable(db: DbOrTx, ownerId: string) {
  const [owner] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, ownerId));
  if (owner?.status !== 'active' || !['sales', 'manager', 'super_admin'].includes(owner.role)) {
    throw new AppError('validation_failed', 'The owner must be an active sales user or manager.', {
      fields: { ownerId: 'not an active sales user or manager' },
    });
  }
}

/** A referrer must be an existing client, and only a referral lead has one. */
async function assertReferrer(db: DbOrTx, clientId: string, source: LeadSource) {
  if (source !== 'referral')
    throw new AppError('validation_failed', 'Only a lead whose source is Referral names a referring client.', {
      fields: { referredByClientId: 'only for referral leads' },
    });
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client)
    throw new AppError('validation_failed', 'No client with that id; pick the referrer from the list.', {
      fields: { referredByClientId: 'no such client' },
    });
}

/** Edits contact details and the brief. A changed phone or email must not collide with another lead. */
export async function updateLead(deps: Deps, id: string, input: UpdateLead & Record<string, unknown>, actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { row: before } = await loadLead(tx, id);
    if (input.referredByClientId) await assertReferrer(tx, input.referredByClientId as string, before.source);
    await assertHouseEventType(tx, input.eventType as string | null | undefined);
    const phone = input.phone === undefined ? before.phone : (input.phone as string | null);
    const email = input.email === undefined ? before.email : (input.email as string | null);
    if (!phone && !email)
      throw new AppError('validation_failed', 'A lead needs a phone number or an email.', {
        fields: { phone: 'enter a phone number or an email' },
      });
    const dup = await findDuplicate(tx, {
      phone: phone !== before.phone ? phone : null,
      email: email !== before.email ? email : null,
    });
    if (dup && dup.id !== id)
      throw new AppError('conflict', `${dup.code} (${dup.name}) already has that phone or email.`, {
        fields: { [dup.phone === phone ? 'phone' : 'email']: `already on ${dup.code}` },
      });
    const [after] = await tx
      .update(leads)
      .set({ ...input, updatedAt: now.toISOString() })
      .where(eq(leads.id, id))
      .returning();
    await followBrief(tx, id, input, now);
    await recordChange(tx, {
      type: 'lead.updated',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { fields: Object.keys(input) },
      actorId: actor.actorId,
      at: now,
      audit: {
        before: auditView(before),
        after: auditView(after!),
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      },
    });
  });
  return getLead(deps, id);
}

/** Hands the lead to another owner. */
export async function assignLead(deps: Deps, id: string, ownerId: string, actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { row: before } = await loadLead(tx, id);
    if (before.ownerId === ownerId) return;
    await assertAssignable(tx, ownerId);
    const [after] = await tx
      .update(leads)
      .set({ ownerId, updatedAt: now.toISOString() })
      .where(eq(leads.id, id))
      .returning();
    await recordChange(tx, {
      type: 'lead.assigned',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { from: before.ownerId, to: ownerId },
      actorId: actor.actorId,
      at: now,
      audit: {
        before: { ownerId: before.ownerId },
        after: { ownerId: after!.ownerId },
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      },
    });
  });
  return getLead(deps, id);
}
