/**
 * Cancelling a vendor's last live assignment on an event removes the access their assignment gave
 * them, through the event-access service: the real edge journals `event_access.revoked`, and the
 * real collab server, following its access feed, closes the vendor's open task board of the event.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from './auth.ts';
import { useEdgeAndCollab } from './edge-harness.ts';
import type { CollabServer } from './server.ts';
import { handled, type RawConnection, rawConnect, waitFor } from './test-support.ts';

const env = useEdgeAndCollab();
let collab: CollabServer;

beforeEach(async () => {
  collab = await env.startCollab();
});

const url = (room: string, token: string) => `ws://127.0.0.1:${collab.port}/${room}?token=${encodeURIComponent(token)}`;

async function open(room: string, token: string): Promise<RawConnection> {
  const r = rawConnect(url(room, token));
  env.raws.push(r);
  await r.opened;
  await waitFor(() => r.messages.length > 0, 5_000, 'first message');
  return r;
}

describe('event access follows vendor assignments', () => {
  it('cancelling the vendor’s last live assignment closes their open board of that event within 5 s', async () => {
    const edge = env.edge;
    const ops = await edge.login('ops@mandap.demo');
    const vendor = await edge.login('vendor@mandap.demo');
    const db = edge.deps.db.$client;
    const free = await db.execute(
      'SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) AND id NOT IN (SELECT event_id FROM vendor_assignments) LIMIT 1',
    );
    const eventId = String(free.rows[0]?.id);
    const noor = await db.execute({ sql: 'SELECT id FROM vendors WHERE user_id = ?', args: [vendor.userId] });
    const created = await edge.json(
      'POST',
      '/api/vendor-work/assignments',
      {
        vendorId: String(noor.rows[0]?.id),
        eventId,
        scope: 'Mandap décor',
        budgetCategory: 'decor',
        lines: [{ description: 'Mandap décor', quantity: 1, unitMinor: 1_00_000_00 }],
        milestones: [],
      },
      ops.auth,
    );
    expect(created.status).toBe(201);
    const assignmentId = ((await created.json()) as { assignment: { id: string } }).assignment.id;

    // The assignment's link lets the vendor open the event's board; their other event stays open throughout.
    const board = await open(`event:${eventId}:tasks`, vendor.token);
    const linked = await db.execute({
      sql: 'SELECT event_id FROM event_access WHERE user_id = ? AND event_id != ? LIMIT 1',
      args: [vendor.userId, eventId],
    });
    const other = await open(`event:${String(linked.rows[0]?.event_id)}:tasks`, vendor.token);

    const started = performance.now();
    const res = await edge.json(
      'POST',
      `/api/vendor-work/assignments/${assignmentId}/status`,
      { status: 'cancelled' },
      ops.auth,
    );
    expect(res.status).toBe(200);
    const closed = await board.closed;
    const ms = performance.now() - started;
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(ms).toBeLessThan(5000);
    console.log(`last assignment cancelled → vendor socket closed in ${ms.toFixed(0)} ms`);
    await handled(other.ws);
    expect(other.ws.readyState).toBe(WebSocket.OPEN);
  });
});
