import { LINK_PURPOSE, verifyLink } from '@mandap/shared/access';
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
    const body = (await res.json()) as { id: string; url: string; token: string; expiresAt: string };
    expect(body.url).toMatch(/\/b\/event:[0-9a-f-]+:brief~[0-9a-f-]{36}\.\d+\.[\w-]{43}$/);
    const check = await verifyLink(t.deps.env.JWT_SECRET, LINK_PURPOSE.briefShare, body.token, new Date());
    expect(check).toMatchObject({ ok: true, subject: `event:${eventId}:brief~${body.id}` });
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

  it('lists the links issued for a brief and withdraws one, journalled for the collab-server', async () => {
    const ops = await t.login('ops@mandap.demo');
    const eventId = await firstId('events');
    const issue = async () =>
      (await (
        await t.json('POST', `/api/workspace/events/${eventId}/brief-share-link`, { days: 7 }, ops.auth)
      ).json()) as {
        id: string;
      };
    const first = await issue();
    const second = await issue();
    const listed = await t.json('GET', `/api/workspace/events/${eventId}/brief-share-links`, undefined, ops.auth);
    expect(listed.status).toBe(200);
    const { links } = (await listed.json()) as {
      links: { id: string; document: string; createdByName: string | null; revokedAt: string | null }[];
    };
    expect(links.map((l) => l.id).sort()).toEqual([first.id, second.id].sort());
    expect(links[0]).toMatchObject({ document: `event:${eventId}:brief`, revokedAt: null });
    expect(links[0]?.createdByName).toBeTruthy();

    const revoke = (linkId: string, auth = ops.auth) =>
      t.json('POST', `/api/workspace/events/${eventId}/brief-share-links/${linkId}/revoke`, undefined, auth);
    const res = await revoke(first.id);
    expect(res.status).toBe(200);
    expect((await res.json()) as { revokedAt: string | null; revokedByName: string | null }).toMatchObject({
      revokedAt: expect.any(String),
      revokedByName: expect.any(String),
    });
    expect((await revoke(first.id)).status).toBe(200);
    const journal = await t.deps.db.$client.execute({
      sql: "SELECT payload FROM event_log WHERE type = 'brief.share_link_revoked' AND aggregate_id = ?",
      args: [eventId],
    });
    expect(journal.rows).toHaveLength(1);
    expect(JSON.parse(String(journal.rows[0]?.payload))).toEqual({
      linkId: first.id,
      document: `event:${eventId}:brief`,
    });

    const sales = await t.login('sales@mandap.demo');
    expect((await revoke(second.id, sales.auth)).status).toBe(403);
    expect(
      (await t.json('GET', `/api/workspace/events/${eventId}/brief-share-links`, undefined, sales.auth)).status,
    ).toBe(403);
    expect((await revoke('0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b')).status).toBe(404);
    expect((await revoke('not-an-id')).status).toBe(400);
  });

  it('lets sales share a lead brief, and refuses roles and records that may not', async () => {
    const sales = await t.login('sales@mandap.demo');
    const leadId = await firstId('leads');
    const ok = await t.json('POST', `/api/workspace/leads/${leadId}/brief-share-link`, {}, sales.auth);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token.startsWith(`lead:${leadId}:brief~`)).toBe(true);

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
