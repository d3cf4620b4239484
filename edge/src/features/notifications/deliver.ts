import {
  backoffMs,
  type Consent,
  consentRefusal,
  isInsideServiceWindow,
  momentOfTemplate,
  renderTemplate,
  templateOf,
} from '@mandap/shared/notifications';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { notificationOutbox, whatsappContacts } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { describeError } from '../../lib/errors.ts';
import { type Channels, channelsOf, NO_PROVIDER } from './channels/index.ts';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channels/types.ts';
import { noteInboxChange } from './inbox-feed.ts';
import { FREE_TEXT, type OutboxRow } from './outbox.ts';
import { sharedPacer } from './pace.ts';
import { loadSettings, type NotificationSettings, priceOf } from './settings.service.ts';
import { pushToStaff } from './web-push.ts';

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  notSent: number;
  cancelled: number;
}

export interface DeliverOptions {
  /** This runner's id: the lease names it, so two runners never finish each other's rows. */
  runner: string;
  /** Rows claimed per round. */
  batch?: number;
  /** How long a claim holds; a runner that dies mid-send releases its rows when this passes. */
  leaseMs?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** Stop starting new rounds after this long (the tick runs again in a minute). */
  budgetMs?: number;
  /** Deliver only this row (an inbox reply sent at once). */
  onlyId?: string;
}

type Outcome =
  | {
      kind: 'sent';
      provider: string;
      providerMessageId: string | null;
      costMinor: number | null;
      category: string | null;
    }
  | { kind: 'retry'; error: string; holdMs: number; countAttempt: boolean }
  | { kind: 'not_sent'; error: string; provider?: string }
  | { kind: 'cancelled'; error: string };

/** Claims due rows under a lease: one UPDATE … WHERE id IN (SELECT …), atomic against any other runner. */
async function claim(deps: Deps, now: Date, o: Required<Omit<DeliverOptions, 'onlyId'>> & { onlyId?: string }) {
  const at = now.toISOString();
  const t = notificationOutbox;
  const due = or(
    and(inArray(t.status, ['pending', 'failed']), lte(t.nextAttemptAt, at)),
    and(eq(t.status, 'sending'), lte(t.leaseUntil, at)),
  );
  const pick = deps.db
    .select({ id: t.id })
    .from(t)
    .where(o.onlyId ? and(eq(t.id, o.onlyId), due) : due)
    .orderBy(asc(t.nextAttemptAt))
    .limit(o.batch);
  return deps.db
    .update(t)
    .set({
      status: 'sending',
      leaseOwner: o.runner,
      leaseUntil: new Date(now.getTime() + o.leaseMs).toISOString(),
      attempts: sql`${t.attempts} + 1`,
    })
    .where(inArray(t.id, pick))
    .returning();
}

interface RoundContext {
  deps: Deps;
  now: Date;
  channels: Channels;
  settings: NotificationSettings;
  contacts: Map<string, { consent: Consent; lastInboundAt: string | null }>;
  paceWhatsApp: () => Promise<void>;
  /** After a provider's 429, nothing more goes to it until this time (ms). */
  heldUntil: Map<string, number>;
}

/** Decides what to do with a claimed row and, when it may go, sends it. */
async function attempt(ctx: RoundContext, row: OutboxRow): Promise<Outcome> {
  const moment = momentOfTemplate(row.template);
  if (moment && ctx.settings.disabled.has(moment.key))
    return { kind: 'cancelled', error: `not sent: the “${moment.label}” moment is switched off in settings` };

  if (row.channel === 'in_app') {
    await pushToStaff(ctx.deps, row).catch((err) =>
      ctx.deps.log.warn('web push failed', { outboxId: row.id, error: String(err) }),
    );
    return { kind: 'sent', provider: 'in_app', providerMessageId: null, costMinor: null, category: null };
  }
  if (row.channel === 'sms') return { kind: 'not_sent', error: NO_PROVIDER.sms };

  const isFreeText = row.template === FREE_TEXT;
  const tpl = isFreeText ? null : templateOf(row.template);
  if (!isFreeText && !tpl) return { kind: 'not_sent', error: `not sent: there is no template called ${row.template}` };
  let message: OutgoingMessage;
  if (tpl) {
    const r = renderTemplate(tpl, row.payload);
    if (!r.ok) return { kind: 'not_sent', error: `not sent: ${r.message}` };
    message = {
      outboxId: row.id,
      recipient: row.recipient,
      template: { providerName: tpl.providerName, language: tpl.language, values: r.values },
      subject: r.subject,
      text: r.text,
    };
  } else {
    const text = typeof row.payload.text === 'string' ? row.payload.text : '';
    if (!text) return { kind: 'not_sent', error: 'not sent: the message has no text' };
    message = { outboxId: row.id, recipient: row.recipient, template: null, subject: null, text };
  }

  let adapter: ChannelAdapter | null;
  if (row.channel === 'whatsapp') {
    const contact = ctx.contacts.get(row.recipient) ?? { consent: 'unknown' as const, lastInboundAt: null };
    if (tpl) {
      const refusal = consentRefusal(contact.consent, tpl.category, tpl.essential);
      if (refusal) return { kind: 'not_sent', error: refusal };
    } else if (!isInsideServiceWindow(contact.lastInboundAt, ctx.now)) {
      return {
        kind: 'not_sent',
        error: 'not sent: outside the 24-hour window, WhatsApp allows only an approved template',
      };
    }
    adapter = ctx.channels.whatsapp;
    if (!adapter) return { kind: 'not_sent', error: NO_PROVIDER.whatsapp };
  } else {
    adapter = ctx.channels.email;
    if (!adapter) return { kind: 'not_sent', error: NO_PROVIDER.email };
  }

  const held = ctx.heldUntil.get(adapter.provider) ?? 0;
  if (held > Date.now())
    return {
      kind: 'retry',
      error: `${adapter.provider} asked us to slow down`,
      holdMs: held - Date.now(),
      countAttempt: false,
    };
  if (row.channel === 'whatsapp') {
    try {
      await ctx.paceWhatsApp();
    } catch (err) {
      // No send slot (the shared pace row could not be written): this row waits for the next
      // round instead of failing the whole round, whose sent rows must still be recorded, or
      // they would go again when their lease lapses.
      ctx.deps.log.warn('whatsapp pace not reserved', { outboxId: row.id, error: describeError(err) });
      return {
        kind: 'retry',
        error: `not sent yet: no send slot (${String(err)})`,
        holdMs: 5_000,
        countAttempt: false,
      };
    }
  }

  let result: SendResult;
  try {
    result = await adapter.send(message);
  } catch (err) {
    result = { ok: false, retryable: true, error: `${adapter.provider}: ${String(err)}` };
  }
  if (result.ok) {
    const whatsappTemplate = row.channel === 'whatsapp' && tpl;
    return {
      kind: 'sent',
      provider: adapter.provider,
      providerMessageId: result.providerMessageId,
      costMinor: whatsappTemplate ? priceOf(ctx.settings, tpl.category) : row.channel === 'whatsapp' ? 0 : null,
      category: tpl?.category ?? null,
    };
  }
  if (result.rateLimitedForMs) {
    ctx.heldUntil.set(adapter.provider, Date.now() + result.rateLimitedForMs);
    return { kind: 'retry', error: result.error, holdMs: result.rateLimitedForMs, countAttempt: false };
  }
  if (result.retryable) return { kind: 'retry', error: result.error, holdMs: 0, countAttempt: true };
  return { kind: 'not_sent', error: `not sent: ${result.error}`, provider: adapter.provider };
}

/** The row's next state for an outcome, written only while this runner still holds the lease. */
function outcomeUpdate(deps: Deps, row: OutboxRow, o: Outcome, now: Date, runner: string) {
  const t = notificationOutbox;
  const at = now.toISOString();
  const release = { leaseOwner: null, leaseUntil: null };
  let set: Partial<typeof t.$inferInsert>;
  switch (o.kind) {
    case 'sent':
      set = {
        ...release,
        status: 'sent',
        sentAt: at,
        provider: o.provider,
        providerMessageId: o.providerMessageId,
        providerStatus: o.provider === 'in_app' ? null : 'sent',
        costMinor: o.costMinor,
        category: o.category,
        lastError: null,
      };
      break;
    case 'retry': {
      const attempts = o.countAttempt ? row.attempts : row.attempts - 1;
      const dead = attempts >= deps.env.OUTBOX_MAX_ATTEMPTS;
      set = dead
        ? { ...release, status: 'dead', lastError: `${o.error} (gave up after ${attempts} attempts)` }
        : {
            ...release,
            status: 'failed',
            attempts,
            lastError: o.error,
            nextAttemptAt: new Date(
              now.getTime() + Math.max(o.holdMs, o.countAttempt ? backoffMs(attempts) : 0),
            ).toISOString(),
          };
      break;
    }
    case 'not_sent':
      set = { ...release, status: 'not_sent', lastError: o.error, provider: o.provider ?? null };
      break;
    case 'cancelled':
      set = { ...release, status: 'cancelled', lastError: o.error };
      break;
  }
  return deps.db
    .update(t)
    .set(set)
    .where(and(eq(t.id, row.id), eq(t.leaseOwner, runner), eq(t.status, 'sending')));
}

async function contactsOf(deps: Deps, rows: OutboxRow[]) {
  const phones = [...new Set(rows.filter((r) => r.channel === 'whatsapp').map((r) => r.recipient))];
  const map = new Map<string, { consent: Consent; lastInboundAt: string | null }>();
  for (let i = 0; i < phones.length; i += 400) {
    const found = await deps.db
      .select({
        phone: whatsappContacts.phone,
        consent: whatsappContacts.consent,
        lastInboundAt: whatsappContacts.lastInboundAt,
      })
      .from(whatsappContacts)
      .where(inArray(whatsappContacts.phone, phones.slice(i, i + 400)));
    for (const c of found) map.set(c.phone, c);
  }
  return map;
}

/**
 * Delivers due outbox rows: claims a batch under a lease, sends each through its channel
 * (WhatsApp paced to the provider's rate across all runners; a 429 holds that provider), and records the
 * outcome. Retryable failures come back with exponential backoff; after the last attempt
 * the row is dead-lettered with its error. At least once: a runner that dies after a send
 * but before recording it lets the lease lapse and the row goes again.
 */
export async function deliverDue(deps: Deps, now: Date, options: DeliverOptions): Promise<DeliveryReport> {
  const o = {
    batch: 200,
    leaseMs: 5 * 60_000,
    concurrency: 8,
    budgetMs: 45_000,
    ...options,
  };
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, dead: 0, notSent: 0, cancelled: 0 };
  const started = Date.now();
  const channels = channelsOf(deps.env);
  const ctxBase = {
    deps,
    now,
    channels,
    // One pace per provider for every runner on this database (a shared slot row), not per runner.
    paceWhatsApp: sharedPacer(
      deps.db,
      `whatsapp:${channels.whatsapp?.provider ?? 'none'}`,
      deps.env.WHATSAPP_MAX_PER_SECOND,
    ),
    heldUntil: new Map<string, number>(),
  };
  for (;;) {
    const rows = await claim(deps, now, o);
    if (rows.length === 0) break;
    report.claimed += rows.length;
    const ctx: RoundContext = {
      ...ctxBase,
      settings: await loadSettings(deps.db),
      contacts: await contactsOf(deps, rows),
    };
    const outcomes = new Array<Outcome>(rows.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, rows.length) }, async () => {
        while (next < rows.length) {
          const i = next++;
          outcomes[i] = await attempt(ctx, rows[i]!);
        }
      }),
    );
    const updates = rows.map((row, i) => outcomeUpdate(deps, row, outcomes[i]!, now, o.runner));
    await deps.db.batch(updates as [(typeof updates)[number], ...typeof updates]);
    // Open inboxes hear of WhatsApp messages to their conversations that were sent (or not) in this round.
    const inboxPhones = [
      ...new Set(rows.filter((r) => r.channel === 'whatsapp' && ctx.contacts.has(r.recipient)).map((r) => r.recipient)),
    ];
    if (inboxPhones.length > 0)
      await noteInboxChange(deps.db, now, { type: 'whatsapp.status_changed', phones: inboxPhones }).catch((err) =>
        deps.log.warn('inbox change not journalled', { error: String(err) }),
      );
    rows.forEach((row, i) => {
      const out = outcomes[i]!;
      if (out.kind === 'sent') report.sent++;
      else if (out.kind === 'not_sent') report.notSent++;
      else if (out.kind === 'cancelled') report.cancelled++;
      else if ((out.countAttempt ? row.attempts : row.attempts - 1) >= deps.env.OUTBOX_MAX_ATTEMPTS) report.dead++;
      else report.retried++;
    });
    if (o.onlyId || rows.length < o.batch || Date.now() - started > o.budgetMs) break;
  }
  return report;
}
