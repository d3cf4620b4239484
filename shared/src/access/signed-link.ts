/**
 * Signed, expiring link tokens shared by the edge (which issues them) and the collab-server
 * (which checks brief share links): `<subject>.<expiry seconds>.<HMAC-SHA256>`, with a key
 * derived from the server secret for one purpose only, so a token made for one purpose (a quote
 * version) can never be used for another (a brief), re-pointed at another subject, or stretched
 * past its expiry. WebCrypto only, so it runs the same on Node, Deno, Workers and browsers.
 */

/**
 * The WebCrypto and base64 globals every runtime we target has (Node 20, Workers, Deno,
 * browsers); typed here because shared/ compiles without DOM or Node types.
 */
type HmacKey = { readonly type: string };
interface WebGlobals {
  btoa(data: string): string;
  atob(data: string): string;
  TextEncoder: new () => { encode(input: string): Uint8Array<ArrayBuffer> };
  crypto: {
    subtle: {
      importKey(
        format: 'raw',
        key: Uint8Array | ArrayBuffer,
        algorithm: { name: 'HMAC'; hash: 'SHA-256' },
        extractable: false,
        usages: ['sign'],
      ): Promise<HmacKey>;
      sign(algorithm: 'HMAC', key: HmacKey, data: Uint8Array): Promise<ArrayBuffer>;
    };
  };
}
const web = globalThis as unknown as WebGlobals;
const encode = (text: string) => new web.TextEncoder().encode(text);

/** Bytes → base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return web.btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** base64url (padded or not) → bytes. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const bin = web.atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Compares without an early exit, so timing tells nothing about where two values differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const keys = new Map<string, Promise<HmacKey>>();

/** HMAC key = HMAC(secret, purpose): one key per purpose, never the secret itself. */
function purposeKey(secret: string, purpose: string): Promise<HmacKey> {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = (async () => {
      const master = await web.crypto.subtle.importKey(
        'raw',
        encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const derived = await web.crypto.subtle.sign('HMAC', master, encode(purpose));
      return web.crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    })();
    keys.set(cacheKey, key);
  }
  return key;
}

async function mac(secret: string, purpose: string, subject: string, expSeconds: number): Promise<Uint8Array> {
  const key = await purposeKey(secret, purpose);
  return new Uint8Array(await web.crypto.subtle.sign('HMAC', key, encode(`${subject}.${expSeconds}`)));
}

/** Signs `subject` (no dots) for `purpose` until `expiresAt`. */
export async function signLink(secret: string, purpose: string, subject: string, expiresAt: Date): Promise<string> {
  if (subject.includes('.') || subject === '') throw new Error('A link subject must be non-empty and contain no dots.');
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${subject}.${exp}.${toBase64Url(await mac(secret, purpose, subject, exp))}`;
}

/** The outcome of checking a link token. */
export type LinkCheck =
  | { ok: true; subject: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; subject: string; expiresAt: Date };

/** Checks a token made by {@link signLink} for the same purpose: altered or foreign → invalid. */
export async function verifyLink(secret: string, purpose: string, token: string, now: Date): Promise<LinkCheck> {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [subject, expText, sig] = parts as [string, string, string];
  if (subject === '' || !/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) {
    return { ok: false, reason: 'invalid' };
  }
  const exp = Number(expText);
  if (!timingSafeEqual(await mac(secret, purpose, subject, exp), fromBase64Url(sig))) {
    return { ok: false, reason: 'invalid' };
  }
  const expiresAt = new Date(exp * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', subject, expiresAt };
  return { ok: true, subject, expiresAt };
}

/** The purposes of the product's signed links (each has its own derived key). */
export const LINK_PURPOSE = {
  quoteShare: 'mandap:quote-share-link:v1',
  briefShare: 'mandap:brief-share-link:v1',
  /** The brief shown inside a client's event page: short-lived, never outliving the page's own link. */
  portalBrief: 'mandap:portal-brief:v1',
} as const;
