import { fromBase64Url, timingSafeEqual, toBase64Url } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Share links for one quote version: `<versionId>.<expiry seconds>.<HMAC-SHA256>` with a key
 * derived from JWT_SECRET for this purpose only, so a link cannot be re-pointed at another
 * version or stretched past its expiry without the server's secret.
 */
const PURPOSE = 'mandap:quote-share-link:v1';

const keys = new Map<string, Promise<CryptoKey>>();

function linkKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = (async () => {
      const master = await crypto.subtle.importKey(
        'raw',
        new TextEncoder().encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const derived = await crypto.subtle.sign('HMAC', master, new TextEncoder().encode(PURPOSE));
      return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    })();
    keys.set(secret, key);
  }
  return key;
}

async function signature(secret: string, versionId: string, expSeconds: number): Promise<Uint8Array> {
  const mac = await crypto.subtle.sign(
    'HMAC',
    await linkKey(secret),
    new TextEncoder().encode(`${versionId}.${expSeconds}`),
  );
  return new Uint8Array(mac);
}

export async function signShareToken(secret: string, versionId: string, expiresAt: Date): Promise<string> {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${versionId}.${exp}.${toBase64Url(await signature(secret, versionId, exp))}`;
}

const invalid = () =>
  new AppError('forbidden', 'This quote link is not valid: it may be incomplete or altered. Ask us for a new link.');

/** Checks a token: altered → 403, expired → 410 with the date; otherwise the version and expiry. */
export async function verifyShareToken(
  secret: string,
  token: string,
  now: Date,
): Promise<{ versionId: string; expiresAt: Date }> {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid();
  const [versionId, expText, sig] = parts as [string, string, string];
  if (!/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) throw invalid();
  const exp = Number(expText);
  const expected = await signature(secret, versionId, exp);
  if (!timingSafeEqual(expected, fromBase64Url(sig))) throw invalid();
  const expiresAt = new Date(exp * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    const day = expiresAt.toLocaleDateString('en-IN', { timeZone: 'Asia/Kolkata' });
    throw new AppError('link_expired', `This quote link expired on ${day}. Ask us for a new link.`);
  }
  return { versionId, expiresAt };
}

/** The page a client opens: the client app's public quote route. */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/q/${token}`;
}
