import { newId } from '@mandap/shared/common';
import { deliverDue } from '../edge/src/features/notifications/deliver.ts';
import { queueMessage } from '../edge/src/features/notifications/outbox.ts';
import { startProviderStandIn } from '../edge/src/features/notifications/testing/provider-stand-in.ts';
import { recordChange } from '../edge/src/lib/journal.ts';
import { benchDatabase, figuresFromSamples as figures, openBenchDeps } from './lib/edge-bench.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * The notification outbox. (1) Throughput: N WhatsApp templates queued, then delivered by the
 * tick's delivery loop (lease claim, render, consent check, Cloud API request to a local
 * stand-in, outcome written in one batch per claim) beside the floor: the same N requests
 * posted straight to the stand-in with the same concurrency. (2) The latency the outbox adds
 * to the write that enqueues: a transaction writing a domain event, with and without one
 * queued message, on the same fsynced libSQL file.
 * Env: BENCH_OUTBOX_MESSAGES (10000), BENCH_OUTBOX_WRITES (1000).
 */
const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 10_000);
const WRITES = Number(process.env.BENCH_OUTBOX_WRITES ?? 1000);
const CONCURRENCY = 8;

export async function run(): Promise<BenchReport> {
  const standIn = await startProviderStandIn();
  const db = benchDatabase('outbox');
  const deps = await openBenchDeps(db.url, {
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_API_URL: `${standIn.url}/v21.0`,
    WHATSAPP_PHONE_NUMBER_ID: '1098765432',
    WHATSAPP_ACCESS_TOKEN: 'bench-token-123',
    WHATSAPP_MAX_PER_SECOND: '1000',
  });
  try {
    const payload = {
      eventName: 'Mehta Sangeet',
      milestone: 'Advance',
      outstanding: '₹5,000.00',
      dueDate: '2026-12-01',
    };
    const body = (i: number) =>
      JSON.stringify({
        messaging_product: 'whatsapp',
        to: `9198${String(i).padStart(8, '0')}`,
        type: 'template',
        template: { name: 'payment_reminder_due', language: { code: 'en' }, components: [] },
      });

    // Floor: the same requests straight to the stand-in, same concurrency, no outbox.
    let next = 0;
    const direct: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MESSAGES) {
          const i = next++;
          const s = performance.now();
          await fetch(`${standIn.url}/v21.0/1098765432/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(i),
          });
          direct.push(performance.now() - s);
        }
      }),
    );
    const directMs = performance.now() - t0;
    standIn.seen.length = 0;

    // Queue N in batches of 500 per transaction, then deliver them as the tick does.
    for (let i = 0; i < MESSAGES; i += 500)
      await deps.db.transaction(async (tx) => {
        for (let k = i; k < Math.min(MESSAGES, i + 500); k++)
          await queueMessage(tx, {
            channel: 'whatsapp',
            template: 'milestone_due_today',
            recipient: `+9198${String(k).padStart(8, '0')}`,
            payload,
            at: deps.now(),
            dedupeKey: `bench:${k}`,
          });
      });
    const t1 = performance.now();
    let sent = 0;
    let rounds = 0;
    while (sent < MESSAGES && rounds < 1000) {
      const r = await deliverDue(deps, deps.now(), { runner: 'bench', concurrency: CONCURRENCY, budgetMs: 600_000 });
      sent += r.sent;
      rounds++;
      if (r.claimed === 0) break;
    }
    const outboxMs = performance.now() - t1;
    const failures = MESSAGES - sent + Math.max(0, standIn.seen.length - MESSAGES);
    const perMessage = Array.from({ length: sent }, () => outboxMs / sent);

    // Latency added to the enqueuing write.
    const plain: number[] = [];
    const withOutbox: number[] = [];
    const write = async (queue: boolean, i: number) => {
      const s = performance.now();
      await deps.db.transaction(async (tx) => {
        // A domain event of the kind that queues a message (a logged call, which sends the follow-up).
        await recordChange(tx, {
          type: 'communication.logged',
          aggregateType: 'lead',
          aggregateId: newId(),
          payload: { communicationId: newId(), kind: 'call', outcome: null },
          actorId: null,
          at: deps.now(),
        });
        if (queue)
          await queueMessage(tx, {
            channel: 'whatsapp',
            template: 'milestone_due_today',
            recipient: '+919800000000',
            payload,
            at: new Date(Date.now() + 86_400_000),
            dedupeKey: `bench-write:${i}`,
          });
      });
      (queue ? withOutbox : plain).push(performance.now() - s);
    };
    const w0 = performance.now();
    for (let i = 0; i < WRITES; i++) {
      await write(false, i);
      await write(true, i);
    }
    const wMs = performance.now() - w0;

    return {
      name: 'notification outbox',
      settings: { messages: MESSAGES, concurrency: CONCURRENCY, whatsappPerSecondCap: 1000, writes: WRITES },
      variants: [
        figures('direct POSTs (floor)', direct, directMs),
        figures('outbox delivery', perMessage, outboxMs, failures),
        figures('write: event only', plain, wMs / 2),
        figures('write: event + enqueue', withOutbox, wMs / 2),
      ],
      notes: [
        `outbox delivered ${sent}/${MESSAGES} in ${(outboxMs / 1000).toFixed(1)} s over ${rounds} tick(s); the stand-in saw ${standIn.seen.length} requests (each message once)`,
        'outbox p50/p99 = the mean per message (delivery runs in claimed batches); the runner paces WhatsApp at WHATSAPP_MAX_PER_SECOND (max 1000)',
        'write rows: one transaction (domain event) alone vs with one queued message, interleaved; requests/s there = writes per second',
      ],
    };
  } finally {
    await standIn.close();
    deps.db.$client.close();
    db.remove();
  }
}
