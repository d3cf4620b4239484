import { LINK_PURPOSE, verifyLink } from '@mandap/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const firstId = async (table: 'events' | 'leads') =>
  String((await t.deps.db.$client.execute(`SELECT id FROM ${table} LIMIT 1`)).rows[0]?.id);

describe('brief share links', () => {
  it('signs a read-only link naming exactly the event brief, and records who shared it', async () => {
    const ops = await t.login('ops@mandap.demo');
    const eventId = await firstId('events');
    const res = await t.json('POST', `/api/workspace/events/${eventId}/brief-share-link`, { days: 7 }, ops.auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; token: string; expiresAt: string };
    expect(body.url).toMatch(/\/b\/event:[0-9a-f-]+:brief\.\d+\.[\w-]{43}$/);
    const check = await verifyLink(t.deps.env.JWT_SECRET, LINK_PURPOSE.briefShare, body.token, new Date());
    expect(check).toMatchObject({ ok: true, subject: `event:${eventId}:brief` });
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // A quote link's key cannot sign a brief and vice versa.
    expect(await verifyLink(t.deps.env.JWT_SECRET, LINK_PURPOSE.quoteShare, body.token, new Date())).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const logged = await t.deps.db.$client.execute({
      sql: "SELECT actor_id FROM event_log WHERE type = 'brief.shared' AND aggregate_id = ?",
      args: [eventId],
    });
    expect(logged.rows).toHaveLength(1);
  });

  it('lets sales share a lead brief, and refuses roles and records that may not', async () => {
    const sales = await t.login('sales@mandap.demo');
    const leadId = await firstId('leads');
    const ok = await t.json('POST', `/api/workspace/leads/${leadId}/brief-share-link`, {}, sales.auth);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token.startsWith(`lead:${leadId}:brief.`)).toBe(true);

    const eventId = await firstId('events');
    expect((await t.json('POST', `/api/workspace/events/${eventId}/brief-share-link`, {}, sales.auth)).status).toBe(
      403,
    );
    const finance = await t.login('finance@mandap.demo');
    expect((await t.json('POST', `/api/workspace/leads/${leadId}/brief-share-link`, {}, finance.auth)).status).toBe(
      403,
    );
    const missing = '0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b';
    expect((await t.json('POST', `/api/workspace/leads/${missing}/brief-share-link`, {}, sales.auth)).status).toBe(404);
    const tooLong = await t.json('POST', `/api/workspace/leads/${leadId}/brief-share-link`, { days: 365 }, sales.auth);
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('at most 90 days');
  });
});
