import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Where the house's data stands: the event log's head, and the last write of the collab projections. */
export interface Pulse {
  seq: number;
  /** Projection writes carry no event-log row (progress ticks), so their latest time is watched too. */
  projections: string;
}

type Listener = (p: Pulse) => void;

export async function readPulse(db: Db): Promise<Pulse> {
  const [row] = await db.all<{ seq: number | null; cl: string | null; tk: string | null }>(sql`
    SELECT (SELECT max(seq) FROM event_log) AS seq,
      (SELECT max(updated_at) FROM checklist_projections) AS cl,
      (SELECT max(updated_at) FROM task_projections) AS tk`);
  return { seq: Number(row?.seq ?? 0), projections: `${row?.cl ?? ''}|${row?.tk ?? ''}` };
}

/**
 * One watcher per database per process for the open dashboards (like the client pages' live
 * hub, but for "anything changed"): it reads the pulse every `intervalMs` only while a
 * dashboard listens and hands each reading to every listener; a listener compares it with the
 * last one it saw. The dashboard then refetches its figures, which the database counts again:
 * nothing is patched in the browser.
 */
export class DashboardPulse {
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 1000,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  get size() {
    return this.listeners.size;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  private schedule() {
    if (this.timer || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
  }

  private async poll() {
    try {
      const p = await readPulse(this.db);
      for (const l of this.listeners) l(p);
    } catch (err) {
      this.onError(err);
    } finally {
      this.timer = null;
      this.schedule();
    }
  }
}

const pulses = new WeakMap<object, DashboardPulse>();

export function dashboardPulseFor(db: Db, onError?: (err: unknown) => void, intervalMs?: number): DashboardPulse {
  let p = pulses.get(db);
  if (!p) {
    p = new DashboardPulse(db, intervalMs, onError);
    pulses.set(db, p);
  }
  return p;
}
