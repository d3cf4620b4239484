import { type CollabAccessChange, ZCollabAccessChange } from '@mandap/shared/collab';

/**
 * Whether an access change concerns one open connection (so it must be decided again): a
 * withdrawn share link concerns its document's connections; a user change, that user's; an event
 * change (event access granted, changed or removed), every connection to the event's documents;
 * a change naming nothing, all of them.
 */
export function concernsConnection(change: CollabAccessChange, conn: { userId: string; room: string }): boolean {
  if (change.document !== null) return conn.room.toLowerCase() === change.document.toLowerCase();
  if (change.userId === null && change.eventId === null) return true;
  return (
    (change.userId !== null && conn.userId === change.userId) ||
    (change.eventId !== null && conn.room.toLowerCase().includes(change.eventId.toLowerCase()))
  );
}

export interface AccessFeedOptions {
  /** The edge's base URL, e.g. http://127.0.0.1:8787. */
  edgeUrl: string;
  secret: string;
  onChange: (change: CollabAccessChange) => void;
  /** Reconnect delays grow from this up to 5 s. */
  retryMs?: number;
}

/**
 * Follows the edge's access-change stream (GET /api/internal/collab/access-changes, SSE). On a
 * broken connection it reconnects with Last-Event-ID, so no change is missed while it was away.
 * The collab-server learns about deactivations and role changes here, never by polling users.
 */
export class AccessFeed {
  private lastId: string | null = null;
  private abort = new AbortController();
  private stopped = false;
  connected = false;
  /** Resolves once the first connection is established (tests, start-up log). */
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: AccessFeedOptions) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    let delay = this.options.retryMs ?? 250;
    while (!this.stopped) {
      try {
        await this.follow();
        delay = this.options.retryMs ?? 250;
      } catch (err) {
        if (this.stopped) return;
        console.warn(`collab-server: access feed from the edge broke (${String(err)}); retrying in ${delay} ms`);
      }
      this.connected = false;
      if (this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }

  private async follow(): Promise<void> {
    const url = new URL('/api/internal/collab/access-changes', this.options.edgeUrl);
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      authorization: `Bearer ${this.options.secret}`,
    };
    if (this.lastId !== null) headers['last-event-id'] = this.lastId;
    const res = await fetch(url, { headers, signal: this.abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`edge answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        this.handle(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
  }

  private handle(block: string): void {
    let event = 'message';
    let data = '';
    let id: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
      else if (line.startsWith('id:')) id = line.slice(3).trim();
    }
    if (event === 'ready') {
      this.connected = true;
      if (this.lastId === null) {
        try {
          const after = (JSON.parse(data) as { after?: unknown }).after;
          if (typeof after === 'number') this.lastId = String(after);
        } catch {
          // keep null: the next connection starts at the log's end again
        }
      }
      this.markReady();
      return;
    }
    if (event !== 'access') return;
    let parsed: ReturnType<typeof ZCollabAccessChange.safeParse>;
    try {
      parsed = ZCollabAccessChange.safeParse(JSON.parse(data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    if (id !== null) this.lastId = id;
    try {
      this.options.onChange(parsed.data);
    } catch (err) {
      console.error('collab-server: handling an access change failed', err);
    }
  }
}
