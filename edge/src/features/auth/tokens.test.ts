import { sign } from 'hono/jwt';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { signAccessToken, verifyAccessToken } from './tokens.ts';

const SECRET = 'tokens-test-secret-0123456789abcdef0123';
const user = { id: '01a00000-0000-7000-8000-000000000001', role: 'sales' as const, tokenVersion: 3 };

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).message;
}

describe('verifyAccessToken with its cache of verified tokens', () => {
  it('answers the same claims the second time, and only for the secret that signed the token', async () => {
    const { token } = await signAccessToken(user, SECRET, new Date(), 900);
    const first = await verifyAccessToken(token, SECRET);
    expect(first).toMatchObject({ sub: user.id, role: 'sales', tv: 3, typ: 'access' });
    expect(await verifyAccessToken(token, SECRET)).toEqual(first);
    // A cached token is not a pass for another secret (a rotated JWT_SECRET refuses it).
    expect(await refusal(verifyAccessToken(token, 'another-secret-0123456789abcdef0123456'))).toMatch(/not valid/);
    expect(await verifyAccessToken(token, SECRET)).toEqual(first);
  });

  it('refuses a cached token once its exp has passed', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Valid for one more second: verified (and cached) now, expired when asked again.
    const token = await sign({ sub: user.id, role: 'sales', tv: 3, typ: 'access', iat: now, exp: now + 1 }, SECRET);
    await verifyAccessToken(token, SECRET);
    // The clock moves past exp (only Date is faked: the crypto and promises run as they do).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime((now + 2) * 1000);
      expect(await refusal(verifyAccessToken(token, SECRET))).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never caches a refusal: a tampered token stays refused', async () => {
    const { token } = await signAccessToken(user, SECRET, new Date(), 900);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    expect(await refusal(verifyAccessToken(forged, SECRET))).toMatch(/not valid/);
    expect(await refusal(verifyAccessToken(forged, SECRET))).toMatch(/not valid/);
  });
});
