/** One server-sent event as a browser's EventSource would see it. */
export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Reads server-sent events from a fetch response body (the EventSource wire format), for tests
 * and the benchmark: `next(ms)` resolves with the next message or null after `ms` of silence.
 */
export function sseReader(res: Response) {
  if (!res.body) throw new Error('no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ready: SseMessage[] = [];
  let done = false;
  let pending: Promise<void> | null = null;

  const parse = () => {
    let idx = buffer.indexOf('\n\n');
    while (idx >= 0) {
      const block = buffer.slice(0, idx);
      buffer = buffer.slice(idx + 2);
      const msg: SseMessage = { id: null, event: 'message', data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') msg.id = value;
        else if (field === 'event') msg.event = value;
        else if (field === 'data') {
          msg.data = hasData ? `${msg.data}\n${value}` : value;
          hasData = true;
        }
      }
      if (hasData) ready.push(msg);
      idx = buffer.indexOf('\n\n');
    }
  };
  const pump = () => {
    pending ??= reader
      .read()
      .then(({ value, done: d }) => {
        if (d) done = true;
        else buffer += decoder.decode(value, { stream: true });
        parse();
      })
      .catch(() => {
        done = true;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };

  return {
    async next(ms = 5000): Promise<SseMessage | null> {
      const deadline = Date.now() + ms;
      while (ready.length === 0 && !done) {
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await Promise.race([pump(), new Promise((r) => setTimeout(r, left))]);
      }
      return ready.shift() ?? null;
    },
    /** Every `update` message until `ms` of silence. */
    async updates(ms = 800): Promise<SseMessage[]> {
      const out: SseMessage[] = [];
      for (let m = await this.next(ms); m; m = await this.next(ms)) if (m.event === 'update') out.push(m);
      return out;
    },
    get closed() {
      return done;
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}
