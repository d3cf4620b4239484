/** Small WebCrypto helpers that behave the same on Node, Deno and Workers. */

import { toBase64Url } from '@mandap/shared/access';

export { fromBase64Url, timingSafeEqual, toBase64Url } from '@mandap/shared/access';

/** An unguessable token for links and refresh cookies (256 bits). */
export function randomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Tokens are stored only as their SHA-256, so a leaked table grants nothing. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
