import { fromBase64Url, timingSafeEqual, toBase64Url } from '../../lib/crypto.ts';

/**
 * Password hashing with PBKDF2-HMAC-SHA256 through WebCrypto, so Node, Deno and Workers
 * agree. The iteration count is stored in each hash, so it can be raised later and old
 * hashes still verify. Format: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url).
 */
const PREFIX = 'pbkdf2-sha256';

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `${PREFIX}$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (prefix !== PREFIX || !salt || !hash || !Number.isSafeInteger(iterations) || iterations < 1) return false;
  const actual = await derive(password, fromBase64Url(salt), iterations);
  return timingSafeEqual(actual, fromBase64Url(hash));
}

/** A hash to verify against when the email is unknown, so a miss costs as long as a hit. */
export async function dummyVerify(password: string, iterations: number): Promise<void> {
  await derive(password, new Uint8Array(16), iterations);
}
