/** Per-peer limits: what one connection may cost the server. */
export interface PeerLimits {
  /** Sustained messages per second, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Sustained bytes per second, and the burst allowed above it. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Bytes queued towards a peer beyond which it is dropped as a slow reader. */
  maxBufferedBytes: number;
  /** Presence updates per second applied at once; above it only the latest waits for its turn. */
  presencePerSecond: number;
  /** Largest presence state (JSON characters) accepted. */
  maxPresenceBytes: number;
}

export const DEFAULT_LIMITS: PeerLimits = {
  messagesPerSecond: 100,
  messageBurst: 300,
  bytesPerSecond: 1024 * 1024,
  byteBurst: 4 * 1024 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  presencePerSecond: 20,
  maxPresenceBytes: 4096,
};

/** A token bucket: `take(n)` is false once the peer has spent more than rate × time + burst. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now = performance.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(n = 1, now = performance.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until `n` tokens are available. */
  waitFor(n = 1, now = performance.now()): number {
    const have = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    return have >= n ? 0 : Math.ceil(((n - have) / this.rate) * 1000);
  }
}
