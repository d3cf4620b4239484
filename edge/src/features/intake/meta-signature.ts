import { timingSafeEqual } from '../../lib/crypto.ts';

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** HMAC-SHA256 of the raw body with the app secret, as Meta sends it: `sha256=<hex>`. */
export async function metaSignature(appSecret: string, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return `sha256=${hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(rawBody)))}`;
}

/** True when `header` is the signature of exactly these bytes. Compared in constant time. */
export async function isValidMetaSignature(appSecret: string, rawBody: string, header: string | undefined) {
  if (!header) return false;
  const expected = new TextEncoder().encode(await metaSignature(appSecret, rawBody));
  return timingSafeEqual(expected, new TextEncoder().encode(header.trim().toLowerCase()));
}
