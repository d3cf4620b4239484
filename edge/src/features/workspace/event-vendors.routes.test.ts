import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const sql = (q: string, args: (string | null)[] = []) => t.deps.db.$client.execute({ sql: q, args });

/** The demo events the vendor user may write to (they have assignments), and one they may not. */
async function vendorEvents() {
  const linked = await sql(
    "SELECT ea.event_id FROM event_access ea JOIN users u ON u.id = ea.user_id WHERE u.email = 'vendor@mandap.demo' ORDER BY ea.event_id",
  );
  const other = await sql('SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) LIMIT 1');
  return { linked: String(linked.rows[0]?.event_id), other: String(other.rows[0]?.id) };
}

describe('event vendors and assignees', () => {
  it("lists an event's booked vendors with expected arrival, no amounts", async () => {
    const { linked } = await vendorEvents();
    await sql("UPDATE vendor_assignments SET arrival_expected_at = '2026-12-05T10:30:00.000Z' WHERE event_id = ?", [
      linked,
    ]);
    const ops = await t.login('ops@mandap.demo');
    const res = await t.json('GET', `/api/workspace/events/${linked}/vendors`, undefined, ops.auth);
    expect(res.status).toBe(200);
    const { vendors } = (await res.json()) as { vendors: Record<string, unknown>[] };
    // every real assignment of the event (the demo house seeds several), none with amounts
    const inDb = await sql('SELECT count(*) AS n FROM vendor_assignments WHERE event_id = ?', [linked]);
    expect(vendors).toHaveLength(Number(inDb.rows[0]!.n));
    expect(vendors).toContainEqual(
      expect.objectContaining({
        scope: 'Mandap, stage and floral décor',
        status: 'confirmed',
        arrivalExpectedAt: '2026-12-05T10:30:00.000Z',
      }),
    );
    for (const v of vendors) expect(Object.keys(v)).not.toContain('amountMinor');
  });

  it('answers 404 for an event the vendor is not linked to', async () => {
    const { linked, other } = await vendorEvents();
    const vendor = await t.login('vendor@mandap.demo');
    expect((await t.json('GET', `/api/workspace/events/${linked}/vendors`, undefined, vendor.auth)).status).toBe(200);
    expect((await t.json('GET', `/api/workspace/events/${other}/vendors`, undefined, vendor.auth)).status).toBe(404);
  });

  it('offers vendor users with write access to the event as assignees, only for that event', async () => {
    const { linked, other } = await vendorEvents();
    const ops = await t.login('ops@mandap.demo');
    const names = async (q: string) => {
      const res = await t.json('GET', `/api/workspace/assignees${q}`, undefined, ops.auth);
      expect(res.status).toBe(200);
      return ((await res.json()) as { people: { role: string }[] }).people.map((p) => p.role);
    };
    expect(await names(`?eventId=${linked}`)).toContain('vendor');
    expect(await names(`?eventId=${other}`)).not.toContain('vendor');
    expect(await names('')).not.toContain('vendor');
    expect((await names(`?eventId=${linked}`)).includes('client')).toBe(false);
    const bad = await t.json('GET', '/api/workspace/assignees?eventId=nope', undefined, ops.auth);
    expect(bad.status).toBe(400);
  });
});
