import { describe, expect, it } from 'vitest';
import { fromBase64Url, LINK_PURPOSE, signLink, toBase64Url, verifyLink } from './signed-link.ts';

const SECRET = 'a-test-secret-of-enough-length-000000';
const now = new Date('2026-11-12T10:00:00Z');
const later = new Date('2026-11-19T10:00:00Z');

describe('signed links', () => {
  it('round-trip the subject and expiry for the same purpose only', async () => {
    const token = await signLink(SECRET, LINK_PURPOSE.briefShare, 'event:abc:brief', later);
    expect(await verifyLink(SECRET, LINK_PURPOSE.briefShare, token, now)).toEqual({
      ok: true,
      subject: 'event:abc:brief',
      expiresAt: later,
    });
    expect(await verifyLink(SECRET, LINK_PURPOSE.quoteShare, token, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyLink(`${SECRET}!`, LINK_PURPOSE.briefShare, token, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuse any change to subject, expiry or signature, and report expiry', async () => {
    const token = await signLink(SECRET, LINK_PURPOSE.briefShare, 'lead:x:brief', later);
    const [subject, exp, sig] = token.split('.') as [string, string, string];
    for (const bad of [
      `lead:y:brief.${exp}.${sig}`,
      `${subject}.${Number(exp) + 1}.${sig}`,
      `${subject}.${exp}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      `${subject}.${exp}`,
      '',
    ]) {
      expect(await verifyLink(SECRET, LINK_PURPOSE.briefShare, bad, now), bad).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await verifyLink(SECRET, LINK_PURPOSE.briefShare, token, later)).toMatchObject({
      ok: false,
      reason: 'expired',
      subject,
    });
    await expect(signLink(SECRET, LINK_PURPOSE.briefShare, 'has.dot', later)).rejects.toThrow(/no dots/);
  });

  it('encode base64url both ways', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(Uint8Array.of(251, 255))).toBe('-_8');
  });
});
