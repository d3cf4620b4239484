import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';

// biome-ignore lint/suspicious/noExplicitAny: node-redis's client generics do not survive duplicate(); only plain commands are used.
type Client = any;

export interface RelayHandlers {
  /** A committed update another instance published for `docName`. */
  onUpdate: (docName: string, update: Uint8Array, seq: number) => void;
  /** A presence update another instance published for `docName`. */
  onAwareness: (docName: string, update: Uint8Array) => void;
}

const streamKey = (doc: string) => `mandap:collab:doc:${doc}`;
const channelOf = (doc: string) => `mandap:collab:presence:${doc}`;
const leaseKey = (doc: string) => `mandap:collab:compact:${doc}`;
/** Entries kept per document stream: reconnecting instances catch up from the log, not the stream. */
const STREAM_MAXLEN = 10_000;

/**
 * Several collab-server instances behind Redis, on the y-redis design: an update is appended to
 * the shared durable log first, then XADDed to the document's stream with its log sequence; every
 * instance relays the streams of the documents it has loaded to its peers. A document loaded
 * later reads the stream position first, then the log, then follows the stream from that
 * position, so nothing committed in between is missed (a duplicate is harmless in Yjs).
 * Presence goes over pub/sub, off the durable path. Compaction takes a per-document lease.
 */
export class RedisRelay {
  readonly instanceId = randomUUID();
  private cursors = new Map<string, string>();
  private closed = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    private readonly cmd: Client,
    private readonly reader: Client,
    private readonly sub: Client,
    private readonly handlers: RelayHandlers,
  ) {}

  static async open(url: string, handlers: RelayHandlers): Promise<RedisRelay> {
    const cmd = createClient({ url });
    cmd.on('error', (err) => console.error('collab-server: redis', String(err)));
    await cmd.connect();
    const reader = cmd.duplicate();
    reader.on('error', (err) => console.error('collab-server: redis reader', String(err)));
    await reader.connect();
    const sub = cmd.duplicate();
    sub.on('error', (err) => console.error('collab-server: redis pub/sub', String(err)));
    await sub.connect();
    const relay = new RedisRelay(cmd, reader, sub, handlers);
    relay.loop = relay.readLoop();
    return relay;
  }

  /** The stream position now: read it before loading the document from the log. */
  async position(docName: string): Promise<string> {
    const last = (await this.cmd.sendCommand(['XREVRANGE', streamKey(docName), '+', '-', 'COUNT', '1'])) as
      | [string, string[]][]
      | null;
    return last?.[0]?.[0] ?? '0-0';
  }

  /** Starts relaying `docName` from `fromId` (see `position`). */
  async follow(docName: string, fromId: string): Promise<void> {
    this.cursors.set(docName, fromId);
    await this.sub.subscribe(channelOf(docName), (message: string) => this.onPresence(docName, message));
  }

  async unfollow(docName: string): Promise<void> {
    this.cursors.delete(docName);
    await this.sub.unsubscribe(channelOf(docName)).catch(() => {});
  }

  /** After the commit: publishes the update with its log sequence. Retries, never throws. */
  async publishUpdate(docName: string, seq: number, update: Uint8Array): Promise<void> {
    const data = Buffer.from(update).toString('base64');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.cmd.sendCommand([
          'XADD',
          streamKey(docName),
          'MAXLEN',
          '~',
          String(STREAM_MAXLEN),
          '*',
          'seq',
          String(seq),
          'origin',
          this.instanceId,
          'data',
          data,
        ]);
        return;
      } catch (err) {
        if (attempt === 2) console.error(`collab-server: publishing update ${seq} of ${docName} failed`, err);
      }
    }
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    const message = `${this.instanceId} ${Buffer.from(update).toString('base64')}`;
    this.cmd.publish(channelOf(docName), message).catch((err: unknown) => {
      console.error(`collab-server: publishing presence of ${docName} failed`, String(err));
    });
  }

  /**
   * One compaction of a document at a time across instances (the fold itself is also guarded in
   * SQL). Returns the release, or null when another instance holds the lease.
   */
  async takeLease(docName: string, ms = 10_000): Promise<(() => Promise<void>) | null> {
    const token = `${this.instanceId}:${randomUUID()}`;
    try {
      const ok = await this.cmd.sendCommand(['SET', leaseKey(docName), token, 'NX', 'PX', String(ms)]);
      if (ok !== 'OK') return null;
    } catch {
      return null;
    }
    return async () => {
      // Delete only our own lease (it may have expired and been taken by another).
      await this.cmd.sendCommand([
        'EVAL',
        "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
        '1',
        leaseKey(docName),
        token,
      ]);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.loop;
    for (const c of [this.sub, this.reader, this.cmd]) await c.quit().catch(() => c.destroy());
  }

  private onPresence(docName: string, message: string): void {
    const space = message.indexOf(' ');
    if (space < 0 || message.slice(0, space) === this.instanceId || !this.cursors.has(docName)) return;
    try {
      this.handlers.onAwareness(docName, Buffer.from(message.slice(space + 1), 'base64'));
    } catch (err) {
      console.error(`collab-server: applying remote presence to ${docName} failed`, err);
    }
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const names = [...this.cursors.keys()];
      if (names.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      let reply: [string, [string, string[]][]][] | null;
      try {
        reply = (await this.reader.sendCommand([
          'XREAD',
          'COUNT',
          '500',
          'BLOCK',
          '100',
          'STREAMS',
          ...names.map(streamKey),
          ...names.map((n) => this.cursors.get(n) ?? '0-0'),
        ])) as typeof reply;
      } catch (err) {
        if (this.closed) return;
        console.error('collab-server: reading the update streams failed', String(err));
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      for (const [key, entries] of reply ?? []) {
        const docName = key.slice(streamKey('').length);
        for (const [id, fields] of entries) {
          if (this.cursors.has(docName)) this.cursors.set(docName, id);
          const f = new Map<string, string>();
          for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i] as string, fields[i + 1] as string);
          if (f.get('origin') === this.instanceId) continue;
          try {
            this.handlers.onUpdate(docName, Buffer.from(f.get('data') ?? '', 'base64'), Number(f.get('seq')));
          } catch (err) {
            console.error(`collab-server: applying a relayed update to ${docName} failed`, err);
          }
        }
      }
    }
  }
}
