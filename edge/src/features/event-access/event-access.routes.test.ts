import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const rows = async (sql: string, args: string[] = []) => (await t.deps.db.$client.execute({ sql, args })).rows;

describe('event access', () => {
  it('links, changes and removes a vendor’s access, each journalled with the user for the access feed', async () => {
    const manager = await t.login('manager@mandap.demo');
    const vendor = await t.login('vendor@mandap.demo');
    const [linked] = await rows('SELECT event_id FROM event_access WHERE user_id = ? ORDER BY event_id', [
      vendor.userId,
    ]);
    const eventId = String(linked?.event_id);
    const path = `/api/event-access/events/${eventId}/users/${vendor.userId}`;

    const list = await t.json('GET', `/api/event-access/events/${eventId}`, undefined, manager.auth);
    expect(list.status).toBe(200);
    const { people } = (await list.json()) as { people: { userId: string; access: string; role: string }[] };
    expect(people).toContainEqual(expect.objectContaining({ userId: vendor.userId, access: 'write', role: 'vendor' }));

    const down = await t.json('PUT', path, { access: 'read' }, manager.auth);
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ userId: vendor.userId, access: 'read' });
    expect((await t.json('PUT', path, { access: 'read' }, manager.auth)).status).toBe(200);
    expect((await t.json('DELETE', path, undefined, manager.auth)).status).toBe(204);
    expect((await t.json('DELETE', path, undefined, manager.auth)).status).toBe(404);
    // The vendor's own view follows at once: the event is out of their reach, then back.
    expect((await t.json('GET', `/api/events/${eventId}`, undefined, vendor.auth)).status).toBe(404);
    expect((await t.json('PUT', path, { access: 'write' }, manager.auth)).status).toBe(200);
    expect((await t.json('GET', `/api/events/${eventId}`, undefined, vendor.auth)).status).toBe(200);

    const journal = await rows(
      "SELECT type, payload FROM event_log WHERE aggregate_id = ? AND type LIKE 'event_access.%' ORDER BY seq",
      [eventId],
    );
    expect(journal.map((r) => [r.type, JSON.parse(String(r.payload))])).toEqual([
      ['event_access.changed', { userId: vendor.userId, from: 'write', to: 'read' }],
      ['event_access.revoked', { userId: vendor.userId, access: 'read' }],
      ['event_access.granted', { userId: vendor.userId, access: 'write', source: 'manual' }],
    ]);
    // Re-added by hand: the link says so, and who did it.
    const after = await t.json('GET', `/api/event-access/events/${eventId}`, undefined, manager.auth);
    expect(((await after.json()) as { people: unknown[] }).people).toContainEqual(
      expect.objectContaining({
        userId: vendor.userId,
        source: 'manual',
        grantedByName: 'Priya Nair',
        vendorName: 'Noor Decor',
      }),
    );
  });

  it('lists the vendor and client users one may link (no staff, no deactivated users), for events:write only', async () => {
    const manager = await t.login('manager@mandap.demo');
    const res = await t.json('GET', '/api/event-access/people', undefined, manager.auth);
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as { people: { email: string; role: string; vendorName: string | null }[] };
    expect(people.map((p) => p.role).every((r) => r === 'vendor' || r === 'client')).toBe(true);
    expect(people).toContainEqual(expect.objectContaining({ email: 'vendor@mandap.demo', vendorName: 'Noor Decor' }));
    expect(people).toContainEqual(expect.objectContaining({ email: 'client@mandap.demo', role: 'client' }));
    await t.deps.db.$client.execute("UPDATE users SET status = 'deactivated' WHERE email = 'client@mandap.demo'");
    const again = (await (await t.json('GET', '/api/event-access/people', undefined, manager.auth)).json()) as {
      people: { email: string }[];
    };
    expect(again.people.map((p) => p.email)).not.toContain('client@mandap.demo');
    for (const email of ['sales@mandap.demo', 'finance@mandap.demo', 'vendor@mandap.demo']) {
      const who = await t.login(email);
      expect((await t.json('GET', '/api/event-access/people', undefined, who.auth)).status).toBe(403);
    }
  });

  it('refuses staff targets, write for clients, bad bodies and roles without events:write', async () => {
    const manager = await t.login('manager@mandap.demo');
    const ops = await t.login('ops@mandap.demo');
    const client = await t.login('client@mandap.demo');
    const [event] = await rows('SELECT id FROM events LIMIT 1');
    const eventId = String(event?.id);
    const put = (userId: string, body: unknown, auth = manager.auth) =>
      t.json('PUT', `/api/event-access/events/${eventId}/users/${userId}`, body, auth);

    const staff = await put(ops.userId, { access: 'read' });
    expect(staff.status).toBe(422);
    expect(JSON.stringify(await staff.json())).toContain('userId');
    const clientWrite = await put(client.userId, { access: 'write' });
    expect(clientWrite.status).toBe(422);
    expect(JSON.stringify(await clientWrite.json())).toContain('access');
    const bad = await put(client.userId, { access: 'admin' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('access');
    expect((await put(client.userId, { access: 'read', extra: 1 })).status).toBe(400);
    expect((await put('0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b', { access: 'read' })).status).toBe(404);

    const sales = await t.login('sales@mandap.demo');
    expect((await put(client.userId, { access: 'read' }, sales.auth)).status).toBe(403);
    expect((await put(client.userId, { access: 'read' }, client.auth)).status).toBe(403);
    expect(await rows("SELECT 1 FROM event_log WHERE type LIKE 'event_access.%'")).toHaveLength(0);
  });
});
