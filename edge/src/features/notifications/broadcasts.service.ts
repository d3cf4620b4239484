import { newId } from '@mandap/shared/common';
import {
  type CreateBroadcast,
  consentRefusal,
  renderTemplate,
  type Segment,
  templateOf,
} from '@mandap/shared/notifications';
import { and, desc, eq, gte, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { broadcasts, leads, notificationOutbox, whatsappContacts } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { queueMessage } from './outbox.ts';
import { loadSettings } from './settings.service.ts';

/** Leads in a segment that have a phone, one per phone (the newest lead wins). */
async function segmentLeads(db: DbOrTx, s: Segment) {
  const rows = await db
    .select({ name: leads.name, phone: leads.phone, consent: whatsappContacts.consent })
    .from(leads)
    .leftJoin(whatsappContacts, eq(whatsappContacts.phone, leads.phone))
    .where(
      and(
        isNotNull(leads.phone),
        s.eventTypes?.length ? inArray(leads.eventType, s.eventTypes) : undefined,
        s.eventDateFrom ? gte(leads.eventDateFrom, s.eventDateFrom) : undefined,
        s.eventDateTo ? lte(leads.eventDateFrom, s.eventDateTo) : undefined,
        s.stages?.length ? inArray(leads.stage, s.stages) : undefined,
        s.excludeStages?.length ? notInArray(leads.stage, s.excludeStages) : undefined,
      ),
    )
    .orderBy(desc(leads.createdAt));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.phone!) && seen.add(r.phone!));
}

function templateFor(key: string) {
  const tpl = templateOf(key);
  if (!tpl)
    throw new AppError('unprocessable', `There is no template called ${key}.`, {
      fields: { template: 'unknown template' },
    });
  return tpl;
}

/** Who a broadcast would reach, who is held back by consent, and the expected cost, before sending. */
export async function previewBroadcast(deps: Deps, input: Pick<CreateBroadcast, 'template' | 'segment' | 'variables'>) {
  const tpl = templateFor(input.template);
  const sample = renderTemplate(tpl, { name: 'Ananya', ...(input.variables ?? {}) });
  if (!sample.ok)
    throw new AppError('unprocessable', `${sample.message}: fill it in before sending.`, {
      fields: Object.fromEntries(sample.missing.map((m) => [`variables.${m}`, 'required by the template'])),
    });
  const people = await segmentLeads(deps.db, input.segment);
  const allowed = people.filter((p) => !consentRefusal(p.consent ?? 'unknown', tpl.category, tpl.essential));
  const price = (await loadSettings(deps.db)).prices[tpl.category];
  return {
    matched: people.length,
    recipients: allowed.length,
    heldBack: people.length - allowed.length,
    category: tpl.category,
    pricePerMessageMinor: price,
    expectedCostMinor: price * allowed.length,
    sample: sample.text,
  };
}

/**
 * Queues a broadcast: one outbox row per reachable contact, due at the scheduled time. The
 * delivery tick throttles them to the provider's rate; contacts held back by consent are counted,
 * never messaged.
 */
export async function createBroadcast(deps: Deps, viewer: Viewer, input: CreateBroadcast) {
  const preview = await previewBroadcast(deps, input);
  const tpl = templateFor(input.template);
  const now = deps.now();
  const at = input.scheduledAt ? new Date(input.scheduledAt) : now;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const people = await segmentLeads(tx, input.segment);
    let skipped = 0;
    let queued = 0;
    for (const p of people) {
      if (consentRefusal(p.consent ?? 'unknown', tpl.category, tpl.essential)) {
        skipped++;
        continue;
      }
      const q = await queueMessage(tx, {
        channel: 'whatsapp',
        template: tpl.key,
        recipient: p.phone!,
        payload: { ...(input.variables ?? {}), name: p.name },
        at,
        dedupeKey: `broadcast:${id}:${p.phone}`,
        broadcastId: id,
        sentBy: viewer.id,
        category: tpl.category,
      });
      if (q) queued++;
    }
    await tx.insert(broadcasts).values({
      id,
      name: input.name,
      template: tpl.key,
      variables: input.variables ?? {},
      segment: input.segment,
      scheduledAt: at.toISOString(),
      recipients: queued,
      skipped,
      expectedCostMinor: preview.pricePerMessageMinor * queued,
      createdBy: viewer.id,
      createdAt: now.toISOString(),
    });
  });
  return broadcastProgress(deps, id);
}

/** A broadcast's progress: queued, sent, delivered, read, failed, and the cost so far. */
export async function broadcastProgress(deps: Deps, id: string) {
  const [b] = await deps.db.select().from(broadcasts).where(eq(broadcasts.id, id));
  if (!b) throw new AppError('not_found', 'No such broadcast.');
  const t = notificationOutbox;
  const [f] = await deps.db
    .select({
      sent: sql<number>`sum(CASE WHEN ${t.status} = 'sent' THEN 1 ELSE 0 END)`,
      delivered: sql<number>`sum(CASE WHEN ${t.deliveredAt} IS NOT NULL THEN 1 ELSE 0 END)`,
      read: sql<number>`sum(CASE WHEN ${t.readAt} IS NOT NULL THEN 1 ELSE 0 END)`,
      failed: sql<number>`sum(CASE WHEN ${t.status} IN ('dead', 'not_sent') OR ${t.providerStatus} = 'failed' THEN 1 ELSE 0 END)`,
      waiting: sql<number>`sum(CASE WHEN ${t.status} IN ('pending', 'sending', 'failed') THEN 1 ELSE 0 END)`,
      cost: sql<number>`coalesce(sum(${t.costMinor}), 0)`,
    })
    .from(t)
    .where(eq(t.broadcastId, id));
  const n = (v: unknown) => Number(v ?? 0);
  return {
    id: b.id,
    name: b.name,
    template: b.template,
    scheduledAt: b.scheduledAt,
    recipients: b.recipients,
    skipped: b.skipped,
    expectedCostMinor: b.expectedCostMinor,
    sent: n(f?.sent),
    delivered: n(f?.delivered),
    read: n(f?.read),
    failed: n(f?.failed),
    waiting: n(f?.waiting),
    costMinor: n(f?.cost),
  };
}

export async function listBroadcasts(deps: Deps) {
  const rows = await deps.db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .orderBy(desc(broadcasts.createdAt))
    .limit(50);
  return { broadcasts: await Promise.all(rows.map((r) => broadcastProgress(deps, r.id))) };
}
