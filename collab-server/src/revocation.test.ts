/**
 * Withdrawn share links and changed event access reach open connections: the real edge app (on a
 * real port, its own migrated database) records the change; the real collab server follows its
 * access feed and closes or downgrades the connections concerned, and refuses new ones.
 */
import { LINK_PURPOSE, signLink } from '@mandap/shared/access';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from './auth.ts';
import { EDGE_JWT as JWT, useEdgeAndCollab } from './edge-harness.ts';
import type { CollabServer } from './server.ts';
import {
  closeClient,
  connectClient,
  handled,
  type RawConnection,
  rawConnect,
  type TestClient,
  waitFor,
} from './test-support.ts';

const env = useEdgeAndCollab();
let edge: typeof env.edge;
let collab: CollabServer;
let raws: RawConnection[];
const clients: TestClient[] = [];

beforeEach(async () => {
  collab = await env.startCollab();
  edge = env.edge;
  raws = env.raws;
});

afterEach(() => {
  for (const c of clients.splice(0)) closeClient(c);
});

const url = (room: string, token: string) => `ws://127.0.0.1:${collab.port}/${room}?token=${encodeURIComponent(token)}`;

async function open(room: string, token: string): Promise<RawConnection> {
  const r = rawConnect(url(room, token));
  raws.push(r);
  await r.opened;
  // The server's first message (sync step 1) means the upgrade was accepted.
  await waitFor(() => r.messages.length > 0, 5_000, 'first message');
  return r;
}

async function refused(room: string, token: string): Promise<{ code: number; reason: string }> {
  const r = rawConnect(url(room, token));
  raws.push(r);
  const closed = await r.closed;
  expect(r.messages).toHaveLength(0);
  return closed;
}

/** The demo events the demo vendor is linked to (write), first one also the demo client's. */
async function vendorEvents(vendorId: string): Promise<[string, string]> {
  const rs = await edge.deps.db.$client.execute({
    sql: 'SELECT event_id FROM event_access WHERE user_id = ? ORDER BY event_id',
    args: [vendorId],
  });
  expect(rs.rows.length).toBeGreaterThanOrEqual(2);
  return [String(rs.rows[0]?.event_id), String(rs.rows[1]?.event_id)];
}

async function shareLink(eventId: string, auth: Record<string, string>): Promise<{ id: string; token: string }> {
  const res = await edge.json('POST', `/api/workspace/events/${eventId}/brief-share-link`, { days: 7 }, auth);
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; token: string };
}

describe('withdrawn share links', () => {
  it('close the open readers within 5 s and refuse new ones; other links keep working', async () => {
    const manager = await edge.login('manager@mandap.demo');
    const vendor = await edge.login('vendor@mandap.demo');
    const [eventA, eventB] = await vendorEvents(vendor.userId);
    const briefA = `event:${eventA}:brief`;
    const briefB = `event:${eventB}:brief`;
    const linkA = await shareLink(eventA, manager.auth);
    const linkA2 = await shareLink(eventA, manager.auth);
    const linkB = await shareLink(eventB, manager.auth);

    const readerA = await open(briefA, linkA.token);
    const otherLinkSameBrief = await open(briefA, linkA2.token);
    const readerB = await open(briefB, linkB.token);
    const staffOnA = await open(briefA, manager.token);

    const started = performance.now();
    const res = await edge.json(
      'POST',
      `/api/workspace/events/${eventA}/brief-share-links/${linkA.id}/revoke`,
      undefined,
      manager.auth,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const closed = await readerA.closed;
    const ms = performance.now() - started;
    expect(closed.code).toBe(CLOSE.linkWithdrawn);
    expect(closed.reason).toMatch(/withdrawn/);
    expect(ms).toBeLessThan(5000);
    console.log(`share link revoked → reader closed in ${ms.toFixed(0)} ms`);

    // A new connection with it is refused before any sync message.
    expect((await refused(briefA, linkA.token)).code).toBe(CLOSE.linkWithdrawn);
    // Everyone else stays: another link to the same brief, a link to another event, staff.
    for (const r of [otherLinkSameBrief, readerB, staffOnA]) {
      await handled(r.ws);
      expect(r.ws.readyState).toBe(WebSocket.OPEN);
    }
    expect((await open(briefB, linkB.token)).ws.readyState).toBe(WebSocket.OPEN);

    // Revoking again changes nothing; a link of another event cannot be revoked through this one.
    const again = await edge.json(
      'POST',
      `/api/workspace/events/${eventA}/brief-share-links/${linkA.id}/revoke`,
      undefined,
      manager.auth,
    );
    expect(again.status).toBe(200);
    const foreign = await edge.json(
      'POST',
      `/api/workspace/events/${eventA}/brief-share-links/${linkB.id}/revoke`,
      undefined,
      manager.auth,
    );
    expect(foreign.status).toBe(404);
    await handled(readerB.ws);
    expect(readerB.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('refuse a link with no record (the stateless links of before) and one whose record names another brief', async () => {
    const manager = await edge.login('manager@mandap.demo');
    const vendor = await edge.login('vendor@mandap.demo');
    const [eventA, eventB] = await vendorEvents(vendor.userId);
    const briefA = `event:${eventA}:brief`;
    const legacy = await signLink(JWT, LINK_PURPOSE.briefShare, briefA, new Date(Date.now() + 86_400_000));
    expect(await refused(briefA, legacy)).toMatchObject({ code: CLOSE.unauthorized });
    // A correctly signed subject pointing at another brief's row: the row decides.
    const linkB = await shareLink(eventB, manager.auth);
    const forged = await signLink(
      JWT,
      LINK_PURPOSE.briefShare,
      `${briefA}~${linkB.id}`,
      new Date(Date.now() + 86_400_000),
    );
    expect(await refused(briefA, forged)).toMatchObject({ code: CLOSE.unauthorized, reason: 'unknown share link' });
    // The brief inside a client's event page has its own purpose (stateless, at most a day): it opens.
    const inPage = await signLink(JWT, LINK_PURPOSE.portalBrief, briefA, new Date(Date.now() + 3_600_000));
    expect((await open(briefA, inPage)).ws.readyState).toBe(WebSocket.OPEN);
    expect((await refused(`event:${eventA}:tasks`, inPage)).code).toBe(CLOSE.forbidden);
  });
});

describe('event access changes', () => {
  it('removing a vendor from an event closes their open task board of it within 5 s; their other event stays', async () => {
    const manager = await edge.login('manager@mandap.demo');
    const vendor = await edge.login('vendor@mandap.demo');
    const [eventA, eventB] = await vendorEvents(vendor.userId);
    const onA = await open(`event:${eventA}:tasks`, vendor.token);
    const onB = await open(`event:${eventB}:tasks`, vendor.token);

    const started = performance.now();
    const res = await edge.json(
      'DELETE',
      `/api/event-access/events/${eventA}/users/${vendor.userId}`,
      undefined,
      manager.auth,
    );
    expect(res.status).toBe(204);
    const closed = await onA.closed;
    const ms = performance.now() - started;
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(closed.reason).toMatch(/access changed/);
    expect(ms).toBeLessThan(5000);
    console.log(`event access removed → vendor socket closed in ${ms.toFixed(0)} ms`);
    expect((await refused(`event:${eventA}:tasks`, vendor.token)).code).toBe(CLOSE.forbidden);
    await handled(onB.ws);
    expect(onB.ws.readyState).toBe(WebSocket.OPEN);

    // Linking them again lets them back in.
    const back = await edge.json(
      'PUT',
      `/api/event-access/events/${eventA}/users/${vendor.userId}`,
      { access: 'write' },
      manager.auth,
    );
    expect(back.status).toBe(200);
    expect((await open(`event:${eventA}:tasks`, vendor.token)).ws.readyState).toBe(WebSocket.OPEN);
  });

  it('write → read downgrades an open connection: it stays, its edits no longer reach anyone', async () => {
    const manager = await edge.login('manager@mandap.demo');
    const vendor = await edge.login('vendor@mandap.demo');
    const [eventA] = await vendorEvents(vendor.userId);
    const room = `event:${eventA}:tasks`;
    const staff = await connectClient(collab.port, room, manager.token);
    const crew = await connectClient(collab.port, room, vendor.token);
    clients.push(staff, crew);
    crew.doc.getText('t').insert(0, 'Lights at 6');
    await waitFor(() => staff.doc.getText('t').toString() === 'Lights at 6', 5_000, 'the vendor edit to arrive');

    const res = await edge.json(
      'PUT',
      `/api/event-access/events/${eventA}/users/${vendor.userId}`,
      { access: 'read' },
      manager.auth,
    );
    expect(res.status).toBe(200);
    // The downgrade is observable: a probe edit sent after it is dropped, not relayed.
    await waitFor(
      async () => {
        const before = staff.doc.getText('t').toString();
        crew.doc.getText('t').insert(0, '.');
        await handled(crew.provider.ws);
        await handled(staff.provider.ws);
        return staff.doc.getText('t').toString() === before;
      },
      5_000,
      'the vendor to be read-only',
    );
    expect(crew.provider.wsconnected).toBe(true);
    // Staff edits still reach the downgraded vendor.
    staff.doc.getText('t').insert(0, 'Staff: ');
    await waitFor(
      () => crew.doc.getText('t').toString().includes('Staff: '),
      5_000,
      'a staff edit to reach the vendor',
    );
  });
});
