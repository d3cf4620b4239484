import { LINK_PURPOSE, signLink, verifyLink } from '@mandap/shared/access';
import { formatIndianDate } from '@mandap/shared/time';
import { AppError } from '../../lib/errors.ts';

/**
 * Share links for one quote version: `<versionId>.<expiry seconds>.<HMAC-SHA256>` signed with a
 * key derived from JWT_SECRET for this purpose only (shared/src/access/signed-link.ts), so a link cannot
 * be re-pointed at another version or stretched past its expiry without the server's secret.
 */
export function signShareToken(secret: string, versionId: string, expiresAt: Date): Promise<string> {
  return signLink(secret, LINK_PURPOSE.quoteShare, versionId, expiresAt);
}

/** Checks a token: altered → 403, expired → 410 with the date; otherwise the version and expiry. */
export async function verifyShareToken(
  secret: string,
  token: string,
  now: Date,
): Promise<{ versionId: string; expiresAt: Date }> {
  const check = await verifyLink(secret, LINK_PURPOSE.quoteShare, token, now);
  if (check.ok) return { versionId: check.subject, expiresAt: check.expiresAt };
  if (check.reason === 'expired') {
    throw new AppError(
      'link_expired',
      `This quote link expired on ${formatIndianDate(check.expiresAt)}. Ask us for a new link.`,
    );
  }
  throw new AppError(
    'forbidden',
    'This quote link is not valid: it may be incomplete or altered. Ask us for a new link.',
  );
}

/** The page a client opens: the client app's public quote route. */
export function shareUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/q/${token}`;
}
