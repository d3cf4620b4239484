/**
 * Assigning a vendor links their login to the event, and cancelling their last live assignment
 * there removes that link, both through the event-access service (journalled, so the collab
 * server follows). A link added by hand survives the cancellation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVendorApp, type VendorApp } from './vendor-test-kit.ts';

let t: VendorApp;
let eventId = '';
let noorId = '';

const rows = async (sql: string, args: string[] = []) => (await t.deps.db.$client.execute({ sql, args })).rows;

beforeEach(async () => {
  t = await startVendorApp();
  // An event the demo vendor (Noor Decor) has no link to and no assignment on.
  const [free] = await rows(
    'SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) AND id NOT IN (SELECT event_id FROM vendor_assignments) LIMIT 1',
  );
  eventId = String(free!.id);
  const [noor] = await rows('SELECT id FROM vendors WHERE user_id = ?', [t.users.vendor.userId]);
  noorId = String(noor!.id);
});
afterEach(() => t.cleanup());

async function assign(scope: string): Promise<string> {
  const res = await t.json(
    'POST',
    '/api/vendor-work/assignments',
    {
      vendorId: noorId,
      eventId,
      scope,
      budgetCategory: 'decor',
      lines: [{ description: scope, quantity: 1, unitMinor: 1_00_000_00 }],
      milestones: [],
    },
    t.users.ops.auth,
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { assignment: { id: string } }).assignment.id;
}

async function cancel(id: string) {
  const res = await t.json(
    'POST',
    `/api/vendor-work/assignments/${id}/status`,
    { status: 'cancelled' },
    t.users.ops.auth,
  );
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The manager sets the vendor's link to view only, by hand (the event-access API). */
async function viewOnlyByHand() {
  const res = await t.json(
    'PUT',
    `/api/event-access/events/${eventId}/users/${t.users.vendor.userId}`,
    { access: 'read' },
    t.users.manager.auth,
  );
  expect(res.status).toBe(200);
  return res;
}

const link = async () =>
  (
    await rows('SELECT access, source, granted_by FROM event_access WHERE event_id = ? AND user_id = ?', [
      eventId,
      t.users.vendor.userId,
    ])
  )[0];
const journal = async () =>
  (
    await rows(
      "SELECT type, payload, actor_id FROM event_log WHERE aggregate_id = ? AND type LIKE 'event_access.%' ORDER BY seq",
      [eventId],
    )
  ).map((r) => ({ type: r.type, payload: JSON.parse(String(r.payload)), actorId: r.actor_id }));
const vendorSeesEvent = async () =>
  (await t.json('GET', `/api/events/${eventId}`, undefined, t.users.vendor.auth)).status;

describe('event access follows the vendor’s assignments', () => {
  it('the first assignment grants write access, journalled; cancelling the last live one revokes it, journalled', async () => {
    expect(await vendorSeesEvent()).toBe(404);
    const first = await assign('Mandap décor');
    expect(await link()).toMatchObject({ access: 'write', source: 'assignment', granted_by: t.users.ops.userId });
    expect(await vendorSeesEvent()).toBe(200);
    const second = await assign('Stage flowers');
    // One grant only: the second assignment finds the link there.
    expect(await journal()).toEqual([
      {
        type: 'event_access.granted',
        payload: { userId: t.users.vendor.userId, access: 'write', source: 'assignment' },
        actorId: t.users.ops.userId,
      },
    ]);

    // Another live assignment remains: the link stays.
    await cancel(first);
    expect(await link()).toMatchObject({ source: 'assignment' });
    expect(await vendorSeesEvent()).toBe(200);

    await cancel(second);
    expect(await link()).toBeUndefined();
    expect(await vendorSeesEvent()).toBe(404);
    expect((await journal()).at(-1)).toEqual({
      type: 'event_access.revoked',
      payload: { userId: t.users.vendor.userId, access: 'write', reason: 'assignment_cancelled' },
      actorId: t.users.ops.userId,
    });
    // The revocation and the cancellation are one change: the status and the link went together.
    const [status] = await rows('SELECT status FROM vendor_assignments WHERE id = ?', [second]);
    expect(status!.status).toBe('cancelled');

    // Assigning them again links them again.
    await assign('Haldi décor');
    expect(await link()).toMatchObject({ access: 'write', source: 'assignment' });
  });

  it('a link added by hand survives the cancellation, and keeps its level', async () => {
    await viewOnlyByHand();
    const id = await assign('Mandap décor');
    // The assignment does not override the manager's choice of level.
    expect(await link()).toMatchObject({ access: 'read', source: 'manual', granted_by: t.users.manager.userId });
    await cancel(id);
    expect(await link()).toMatchObject({ access: 'read', source: 'manual' });
    expect(await vendorSeesEvent()).toBe(200);
    expect((await journal()).map((j) => j.type)).toEqual(['event_access.granted']);
  });

  it('a link from an assignment whose level was changed by hand still goes with the last assignment', async () => {
    const id = await assign('Mandap décor');
    const put = await viewOnlyByHand();
    expect(await put.json()).toMatchObject({ access: 'read', source: 'assignment', grantedByName: 'Sneha Iyer' });
    await cancel(id);
    expect(await link()).toBeUndefined();
    expect((await journal()).map((j) => j.type)).toEqual([
      'event_access.granted',
      'event_access.changed',
      'event_access.revoked',
    ]);
  });

  it('a link removed by hand while assigned is not re-added or revoked twice by the cancellation', async () => {
    const id = await assign('Mandap décor');
    const del = await t.json(
      'DELETE',
      `/api/event-access/events/${eventId}/users/${t.users.vendor.userId}`,
      undefined,
      t.users.manager.auth,
    );
    expect(del.status).toBe(204);
    await cancel(id);
    expect(await link()).toBeUndefined();
    expect((await journal()).map((j) => j.type)).toEqual(['event_access.granted', 'event_access.revoked']);
  });
});
