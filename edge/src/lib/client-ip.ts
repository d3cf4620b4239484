/**
 * The real client address. With TRUST_PROXY off (the default) it is the connection's own
 * address: the socket on Node, `remoteAddr` on Deno (also Deno Deploy), `CF-Connecting-IP`
 * on Cloudflare Workers (set by Cloudflare, not by the visitor). `X-Forwarded-For` is read only
 * when the connection comes through trusted proxies: a hop count (`TRUST_PROXY=1`: one proxy in
 * front) or a list of proxy addresses/CIDRs (`TRUST_PROXY=10.0.0.0/8,192.168.1.5`). A visitor's
 * own `X-Forwarded-For` therefore changes nothing.
 */

export type TrustProxy =
  | { kind: 'off' }
  | { kind: 'hops'; hops: number }
  | { kind: 'cidrs'; cidrs: { bits: bigint; prefix: number; v6: boolean }[] };

/** Parses an address to its bits (IPv4-mapped IPv6 becomes IPv4); null when it is not an address. */
export function parseIp(raw: string): { bits: bigint; v6: boolean } | null {
  let s = raw.trim();
  if (s.startsWith('[')) s = s.slice(1, s.indexOf(']'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  if (mapped) s = mapped[1]!;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(s)) {
    const parts = s.split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { bits: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), v6: false };
  }
  if (!/^[0-9a-f:]+$/i.test(s) || !s.includes(':')) return null;
  const [head, tail, extra] = s.split('::');
  if (extra !== undefined) return null;
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? h.length !== 8 : missing < 1) return null;
  const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return { bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n), v6: true };
}

/** `TRUST_PROXY`: empty/false/0 → off; a number → that many trusted hops; else a comma-separated address/CIDR list. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0' || v === 'off') return { kind: 'off' };
  if (/^\d+$/.test(v)) return { kind: 'hops', hops: Math.min(Number(v), 20) };
  const cidrs = v.split(',').map((part) => {
    const [addr, len] = part.trim().split('/');
    const ip = parseIp(addr ?? '');
    const max = ip?.v6 ? 128 : 32;
    const prefix = len === undefined ? max : Number(len);
    if (!ip || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`TRUST_PROXY: "${part.trim()}" is not an address or CIDR (use a hop count, or e.g. 10.0.0.0/8)`);
    return { bits: ip.bits, prefix, v6: ip.v6 };
  });
  return { kind: 'cidrs', cidrs };
}

function trusted(ip: string, trust: Extract<TrustProxy, { kind: 'cidrs' }>): boolean {
  const p = parseIp(ip);
  if (!p) return false;
  return trust.cidrs.some((c) => {
    if (c.v6 !== p.v6) return false;
    const shift = BigInt((c.v6 ? 128 : 32) - c.prefix);
    return p.bits >> shift === c.bits >> shift;
  });
}

/** Tidies an address for keys and evidence: no brackets or port, IPv4-mapped IPv6 as IPv4. */
function normalise(ip: string): string {
  const s = ip.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return mapped ? mapped[1]! : s;
}

/**
 * The client's address from the connection's address and the `X-Forwarded-For` header, trusting
 * the header only as far as `trust` allows. Null only when the connection's address is unknown
 * (an in-process request).
 */
export function resolveClientIp(
  connection: string | null,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string | null {
  if (!connection) return null;
  if (trust.kind === 'off' || !forwardedFor) return normalise(connection);
  const chain = [
    ...forwardedFor
      .split(',')
      .map((s) => s.trim())
      .filter((s) => parseIp(s) !== null),
    connection,
  ];
  if (trust.kind === 'hops') return normalise(chain[Math.max(0, chain.length - 1 - trust.hops)]!);
  // Walk from the connection leftwards past every trusted proxy; the first untrusted address is the client.
  let i = chain.length - 1;
  while (i > 0 && trusted(chain[i]!, trust)) i--;
  return normalise(chain[i]!);
}

/** What each runtime entry hands `app.fetch` as its env, as far as the address goes. */
export interface ConnectionInfo {
  /** @hono/node-server: the Node request. */
  incoming?: { socket?: { remoteAddress?: string } };
  /** The Deno entry: `Deno.serve`'s info.remoteAddr. */
  remoteAddr?: { hostname?: string };
  /** The Workers entry: Cloudflare's CF-Connecting-IP. */
  cfConnectingIp?: string | null;
}

/** The address of whoever opened the connection, from the runtime; null in-process. */
export function connectionAddress(env: unknown): string | null {
  const e = (env ?? {}) as ConnectionInfo;
  return e.incoming?.socket?.remoteAddress ?? e.remoteAddr?.hostname ?? e.cfConnectingIp ?? null;
}
