import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type EventUpdate, readUpdates } from './event-feed.ts';

/** One page of the event log after a sequence number: the updates in it, and where it stopped. */
export type LogFeed<U> = (db: Db, afterSeq: number) => Promise<{ updates: U[]; lastSeq: number; more: boolean }>;

/**
 * One poller per database per process: it reads the event log after the last sequence it saw
 * (a primary-key range scan, cheap when idle) and hands each client-visible row to the pages
 * open on that event. Every edge instance runs its own, so a change committed through any
 * instance reaches pages on all of them. It runs only while at least one page listens.
 */
export class LiveHub<U = EventUpdate> {
  private readonly listeners = new Map<string, Set<(u: U) => void>>();
  private cursor: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 100,
    private readonly onError: (err: unknown) => void = () => {},
    /** What is read from the log, and the topic (an event's id by default) each update goes to. */
    private readonly feed: LogFeed<U> = readUpdates as unknown as LogFeed<U>,
    private readonly topicOf: (u: U) => string = (u) => (u as unknown as EventUpdate).eventId,
  ) {}

  get size(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  /** Listens to one event's (one topic's) updates committed from now on; returns the way to stop. */
  async subscribe(eventId: string, listener: (u: U) => void): Promise<() => void> {
    if (this.cursor === null) {
      const [row] = await this.db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM event_log`);
      this.cursor ??= Number(row?.seq ?? 0);
    }
    let set = this.listeners.get(eventId);
    if (!set) {
      set = new Set();
      this.listeners.set(eventId, set);
    }
    set.add(listener);
    this.schedule();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(eventId);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        // Start again from the log's end next time: nobody was listening in between.
        this.cursor = null;
      }
    };
  }

  private schedule() {
    if (this.timer || this.polling || this.listeners.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, this.intervalMs);
  }

  private async poll() {
    this.polling = true;
    try {
      let more = true;
      while (more && this.cursor !== null && this.listeners.size > 0) {
        const page = await this.feed(this.db, this.cursor);
        for (const u of page.updates) for (const l of this.listeners.get(this.topicOf(u)) ?? []) l(u);
        if (this.cursor !== null) this.cursor = page.lastSeq;
        more = page.more;
      }
    } catch (err) {
      this.onError(err);
    } finally {
      this.polling = false;
      this.schedule();
    }
  }
}

const hubs = new WeakMap<object, LiveHub>();

/** The hub of this process for one database (created on first use). */
export function liveHubFor(db: Db, onError?: (err: unknown) => void): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new LiveHub(db, 100, onError);
    hubs.set(db, hub);
  }
  return hub;
}

const feedHubs = new WeakMap<object, Map<string, LiveHub<unknown>>>();

/** The hub of this process for one database and another feed of the log (e.g. the inbox), by name. */
export function liveFeedHub<U>(
  db: Db,
  name: string,
  feed: LogFeed<U>,
  topicOf: (u: U) => string,
  onError?: (err: unknown) => void,
): LiveHub<U> {
  let byName = feedHubs.get(db);
  if (!byName) {
    byName = new Map();
    feedHubs.set(db, byName);
  }
  let hub = byName.get(name) as LiveHub<U> | undefined;
  if (!hub) {
    hub = new LiveHub<U>(db, 100, onError, feed, topicOf);
    byName.set(name, hub as LiveHub<unknown>);
  }
  return hub;
}
