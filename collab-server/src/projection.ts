import { type CollabProjection, ZCollabProjection } from '@mandap/shared/collab';
import { parseDocName } from '@mandap/shared/docs';
import type * as Y from 'yjs';
import { checklistRowsOf, taskRowsOf } from './projection-rows.ts';

export interface ProjectorOptions {
  /** The edge's base URL; projections go to its internal endpoint. */
  edgeUrl: string;
  secret: string;
  /** Quiet time after a change before the document is projected. */
  delayMs?: number;
  /** Retry delays for a batch the edge did not take (the last one repeats). */
  retryMs?: number[];
}

const MAX_BATCH = 100;

/**
 * Projects task boards and event-day consoles to the edge: a short while after a document
 * changes, its whole current projection (task rows, checklist progress) is sent in a batch to
 * POST /api/internal/collab/projections. The edge owns its tables and writes them (and the
 * `task.assigned` events and notices) in its own transactions; the collab-server never touches
 * its database. A batch the edge did not take is kept and sent again (the edge diffs, so a
 * repeat is harmless). Runs on the server's Y.Doc.
 */
export class Projector {
  private timers = new Map<string, NodeJS.Timeout>();
  /** Documents whose projection is due, with what to read and whom to credit. */
  private due = new Map<string, { doc: Y.Doc; actorId: string | null }>();
  private actors = new Map<string, string>();
  private sending: Promise<void> | null = null;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: ProjectorOptions) {}

  /** Notes a committed change to `name`; projects it after the quiet time. */
  changed(name: string, doc: Y.Doc, actorId: string | null): void {
    const parsed = parseDocName(name);
    if (!parsed || parsed.kind === 'brief' || this.closed) return;
    if (actorId) this.actors.set(name, actorId);
    this.lastDocs.set(name, doc);
    const existing = this.timers.get(name);
    if (existing) clearTimeout(existing);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        this.due.set(name, { doc, actorId: this.actors.get(name) ?? null });
        this.kick();
      }, this.options.delayMs ?? 250),
    );
  }

  /** Sends everything pending now (shutdown, tests). Gives up after a few failed tries. */
  async flush(): Promise<void> {
    for (const [name, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(name);
      const pendingDoc = this.lastDocs.get(name);
      if (pendingDoc) this.due.set(name, { doc: pendingDoc, actorId: this.actors.get(name) ?? null });
    }
    for (let attempt = 0; attempt < 3 && (this.due.size > 0 || this.sending); attempt++) {
      this.kick();
      await this.sending;
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private lastDocs = new Map<string, Y.Doc>();

  private kick(): void {
    if (this.sending || this.due.size === 0) return;
    this.sending = this.sendBatch().finally(() => {
      this.sending = null;
      if (this.due.size > 0 && !this.closed) {
        const delays = this.options.retryMs ?? [100, 500, 2000, 5000];
        const wait = this.failures === 0 ? 0 : (delays[Math.min(this.failures - 1, delays.length - 1)] ?? 5000);
        setTimeout(() => this.kick(), wait).unref();
      }
    });
  }

  private async sendBatch(): Promise<void> {
    const names = [...this.due.keys()].slice(0, MAX_BATCH);
    const items: CollabProjection[] = [];
    const taken = new Map<string, { doc: Y.Doc; actorId: string | null }>();
    for (const name of names) {
      const entry = this.due.get(name);
      this.due.delete(name);
      const parsed = parseDocName(name);
      if (!entry || !parsed) continue;
      taken.set(name, entry);
      try {
        const item: CollabProjection | null =
          parsed.kind === 'tasks'
            ? { kind: 'tasks', eventId: parsed.eventId, actorId: entry.actorId, rows: taskRowsOf(entry.doc) }
            : parsed.kind === 'dayof'
              ? { kind: 'checklists', eventId: parsed.eventId, rows: checklistRowsOf(entry.doc) }
              : null;
        if (!item) continue;
        // One document the edge would refuse must not hold back the others in the batch.
        const checked = ZCollabProjection.safeParse(item);
        if (checked.success) items.push(checked.data);
        else console.error(`collab-server: the projection of ${name} does not fit the schema`, checked.error.issues);
      } catch (err) {
        console.error(`collab-server: reading the projection of ${name} failed`, err);
      }
    }
    if (items.length === 0) return;
    try {
      const res = await fetch(new URL('/api/internal/collab/projections', this.options.edgeUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.secret}` },
        body: JSON.stringify({ items }),
      });
      if (res.status === 400) {
        // The edge refused the shape: retrying cannot help; say what it said.
        console.error(`collab-server: the edge refused projections: ${await res.text()}`);
        this.failures = 0;
        return;
      }
      if (res.status !== 200) throw new Error(`edge answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
      await res.arrayBuffer();
      this.failures = 0;
    } catch (err) {
      this.failures++;
      console.error(`collab-server: sending ${items.length} projections failed (${String(err)}); will retry`);
      // Put them back unless a newer change already queued the document again.
      for (const [name, entry] of taken) if (!this.due.has(name)) this.due.set(name, entry);
    }
  }
}
