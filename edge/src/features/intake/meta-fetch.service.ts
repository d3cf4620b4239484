import { newId } from '@mandap/shared/common';
import { mapProviderFields } from '@mandap/shared/leads';
import { backoffMs } from '@mandap/shared/notifications';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { communications, intakeFetches, leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { recordChange } from '../../lib/journal.ts';
import { findDuplicate } from '../leads/lead-create.ts';
import { auditView } from '../leads/lead-rows.ts';
import { type MetaLeadAnswers, type MetaLeadSource, metaAttribution } from './meta-graph.ts';

/** First retry after a minute, doubling, at most every 6 hours. */
export const metaRetryDelayMs = (attempt: number) => backoffMs(attempt, 60_000, 6 * 3_600_000);
/** Meta keeps a lead's fields for 90 days; after that a fetch cannot succeed. */
const GIVE_UP_AFTER_MS = 90 * 86_400_000;
/** How long a claimed row is held by one runner before another may try it. */
const CLAIM_MS = 2 * 60_000;
const PENDING_PREFIX = 'Pending:';

/** Notes that a leadgen id still needs its fields; the tick retries it from `at + 1 min`. */
export async function queueMetaFetch(
  tx: DbOrTx,
  f: { leadgenId: string; leadId: string; error: string; at: Date },
): Promise<void> {
  await tx
    .insert(intakeFetches)
    .values({
      id: newId(),
      provider: 'meta',
      externalRef: f.leadgenId,
      leadId: f.leadId,
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(f.at.getTime() + metaRetryDelayMs(1)).toISOString(),
      lastError: f.error,
      createdAt: f.at.toISOString(),
    })
    .onConflictDoNothing();
}

/** The pending fetch for a leadgen id, if its fields have not arrived yet. */
export async function pendingMetaFetch(db: DbOrTx, leadgenId: string) {
  const [row] = await db
    .select()
    .from(intakeFetches)
    .where(
      and(
        eq(intakeFetches.provider, 'meta'),
        eq(intakeFetches.externalRef, leadgenId),
        eq(intakeFetches.status, 'pending'),
      ),
    );
  return row ?? null;
}

/**
 * Fills a pending Meta lead with its fetched fields: only fields still empty (a person may have
 * typed some in meanwhile), the placeholder name, the attribution; the "Pending" note is
 * replaced by the form's other answers. Audited; a same-person lead elsewhere is noted, not merged.
 */
export async function fillFetchedLead(
  tx: DbOrTx,
  f: { leadId: string; leadgenId: string; fetched: MetaLeadAnswers; formId: string | null; at: Date },
): Promise<void> {
  const [before] = await tx.select().from(leads).where(eq(leads.id, f.leadId));
  if (!before) return;
  const m = mapProviderFields(f.fetched.answers);
  const kept = (before.requirements ?? '').split('\n').filter((l) => l && !l.startsWith(PENDING_PREFIX));
  const extras = [...m.problems.map((p) => `Check ${p}`), ...Object.entries(m.extra).map(([k, v]) => `${k}: ${v}`)];
  const patch = {
    name: before.name === `Meta lead ${f.leadgenId}` && m.name ? m.name : before.name,
    phone: before.phone ?? m.phone,
    email: before.email ?? m.email,
    city: before.city ?? m.city,
    eventDateFrom: before.eventDateFrom ?? m.eventDateFrom,
    requirements: [...kept, ...extras].join('\n') || null,
    attribution: { ...metaAttribution(f.fetched, f.formId), ...(before.attribution ?? {}) },
    updatedAt: f.at.toISOString(),
  };
  // Another lead may already hold this phone or email: note it for a person to decide.
  const twin = await findDuplicate(tx, {
    phone: patch.phone !== before.phone ? patch.phone : null,
    email: patch.email !== before.email ? patch.email : null,
  });
  const [after] = await tx.update(leads).set(patch).where(eq(leads.id, f.leadId)).returning();
  if (twin && twin.id !== f.leadId)
    await tx.insert(communications).values({
      id: newId(),
      leadId: f.leadId,
      kind: 'note',
      direction: 'inbound',
      body: `Same phone or email as ${twin.code} (${twin.name}): possibly the same person.`,
      occurredAt: f.at.toISOString(),
      createdAt: f.at.toISOString(),
    });
  await recordChange(tx, {
    type: 'lead.updated',
    aggregateType: 'lead',
    aggregateId: f.leadId,
    payload: {
      fields: Object.keys(patch).filter(
        (k) =>
          k !== 'updatedAt' &&
          JSON.stringify(patch[k as keyof typeof patch]) !== JSON.stringify(before[k as keyof typeof before]),
      ),
      via: 'meta_fetch',
      leadgenId: f.leadgenId,
    },
    actorId: null,
    at: f.at,
    audit: { before: auditView(before), after: after ? auditView(after) : null },
  });
  await tx
    .update(intakeFetches)
    .set({ status: 'done', doneAt: f.at.toISOString(), lastError: null })
    .where(and(eq(intakeFetches.provider, 'meta'), eq(intakeFetches.externalRef, f.leadgenId)));
}

export interface MetaFetchReport {
  /** Leads whose fields arrived in this tick. */
  filled: number;
  /** Fetches that failed again and were put back with a longer wait. */
  failed: number;
  gaveUp: number;
  /** `off` when no page access token is configured: pending rows wait for one. */
  state: 'ran' | 'off';
}

/**
 * The job tick's part: fetch the fields of every Meta lead that is due, at most `limit` per
 * tick. Each row is claimed first (its next attempt moved past the claim window, only if no
 * other runner moved it), so two runners never fetch the same lead at once.
 */
export async function retryMetaFetches(
  deps: Deps,
  now: Date,
  source: MetaLeadSource | null,
  limit = 50,
): Promise<MetaFetchReport> {
  const report: MetaFetchReport = { filled: 0, failed: 0, gaveUp: 0, state: source ? 'ran' : 'off' };
  if (!source) return report;
  const due = await deps.db
    .select()
    .from(intakeFetches)
    .where(and(eq(intakeFetches.status, 'pending'), lte(intakeFetches.nextAttemptAt, now.toISOString())))
    .orderBy(asc(intakeFetches.nextAttemptAt))
    .limit(limit);
  for (const row of due) {
    const claimed = await deps.db
      .update(intakeFetches)
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString() })
      .where(
        and(
          eq(intakeFetches.id, row.id),
          eq(intakeFetches.status, 'pending'),
          eq(intakeFetches.nextAttemptAt, row.nextAttemptAt),
        ),
      )
      .returning({ id: intakeFetches.id });
    if (claimed.length === 0) continue;
    const attempts = row.attempts + 1;
    try {
      const fetched = await source.fetchLead(row.externalRef);
      await deps.db.transaction((tx) =>
        fillFetchedLead(tx, { leadId: row.leadId, leadgenId: row.externalRef, fetched, formId: null, at: now }),
      );
      await deps.db.update(intakeFetches).set({ attempts }).where(eq(intakeFetches.id, row.id));
      report.filled++;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const tooOld = now.getTime() - Date.parse(row.createdAt) >= GIVE_UP_AFTER_MS;
      await deps.db.transaction(async (tx) => {
        await tx
          .update(intakeFetches)
          .set({
            attempts,
            lastError: error,
            status: tooOld ? 'gave_up' : 'pending',
            nextAttemptAt: new Date(now.getTime() + metaRetryDelayMs(attempts)).toISOString(),
          })
          .where(eq(intakeFetches.id, row.id));
        if (tooOld)
          await tx.insert(communications).values({
            id: newId(),
            leadId: row.leadId,
            kind: 'note',
            direction: 'inbound',
            body: `Meta's fields for leadgen ${row.externalRef} could not be fetched in 90 days (${attempts} attempts; last: ${error}). Fill the lead in from Meta's Leads Center.`,
            occurredAt: now.toISOString(),
            createdAt: now.toISOString(),
          });
      });
      deps.log.warn('meta lead fetch failed', { leadgenId: row.externalRef, attempts, error });
      if (tooOld) report.gaveUp++;
      else report.failed++;
    }
  }
  return report;
}
