import type { LeadListQuery, LeadSummary } from '@mandap/shared';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { leads, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';

/** The newest leads first, filtered by stage and source. (The pipeline board comes with the leads feature.) */
export async function listLeads(deps: Deps, query: LeadListQuery): Promise<{ leads: LeadSummary[]; total: number }> {
  const filters: SQL[] = [];
  if (query.stage) filters.push(eq(leads.stage, query.stage));
  if (query.source) filters.push(eq(leads.source, query.source));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    deps.db
      .select({
        id: leads.id,
        code: leads.code,
        name: leads.name,
        phone: leads.phone,
        email: leads.email,
        source: leads.source,
        stage: leads.stage,
        temperature: leads.temperature,
        ownerName: users.name,
        eventType: leads.eventType,
        eventDate: leads.eventDateFrom,
        city: leads.city,
        budgetMaxMinor: leads.budgetMaxMinor,
        budgetCurrency: leads.budgetCurrency,
        createdAt: leads.createdAt,
      })
      .from(leads)
      .leftJoin(users, eq(users.id, leads.ownerId))
      .where(where)
      .orderBy(desc(leads.createdAt))
      .limit(query.limit),
    deps.db.select({ n: count() }).from(leads).where(where),
  ]);
  return { leads: rows as LeadSummary[], total: totals?.n ?? 0 };
}
