/**
 * Access follows changes: the real edge app (on a real port, its own database) publishes access
 * changes; the real collab server follows them and closes or downgrades open connections.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestApp } from '../../edge/src/test-support.ts';
import { CLOSE } from './auth.ts';
import { EDGE_JWT as JWT, useEdgeAndCollab } from './edge-harness.ts';
import { encodeAuth } from './protocol.ts';
import type { CollabServer } from './server.ts';
import { handled, pastExpiryOf, type RawConnection, rawConnect, tokenFor, waitFor } from './test-support.ts';

const env = useEdgeAndCollab();
let edge: TestApp;
let edgeServer: typeof env.edgeServer;
let edgePort: number;
let collab: CollabServer | null = null;
let raws: RawConnection[] = [];

beforeEach(() => {
  ({ edge, edgeServer, edgePort, raws } = env);
  collab = null;
});

async function startCollab(withFeed = true): Promise<CollabServer> {
  collab = await env.startCollab(withFeed);
  return collab;
}

async function anEvent(): Promise<string> {
  const rs = await edge.deps.db.$client.execute('SELECT id FROM events ORDER BY id LIMIT 1');
  return String(rs.rows[0]?.id);
}

async function open(room: string, token: string): Promise<RawConnection> {
  const r = rawConnect(`ws://127.0.0.1:${collab?.port}/${room}?token=${token}`);
  raws.push(r);
  await r.opened;
  // The server's first message (sync step 1) means the upgrade was accepted.
  await waitFor(() => r.messages.length > 0, 5_000, 'first message');
  return r;
}

describe('access follows changes', () => {
  it('refuses the internal stream without the shared secret', async () => {
    const res = await fetch(`http://127.0.0.1:${edgePort}/api/internal/collab/access-changes`);
    expect(res.status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${edgePort}/api/internal/collab/access-changes`, {
      headers: { authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('closes a deactivated user’s and a demoted user’s open connections within 5 s', async () => {
    await startCollab();
    const eventId = await anEvent();
    const admin = await edge.login('admin@mandap.demo');
    const ops = await edge.login('ops@mandap.demo');
    const sales = await edge.login('sales@mandap.demo');
    const manager = await edge.login('manager@mandap.demo');
    const room = `event:${eventId}:tasks`;
    const opsConn = await open(room, ops.token);
    const salesConn = await open(room, sales.token);
    const managerConn = await open(room, manager.token);

    let t = performance.now();
    const res = await edge.json('POST', `/api/users/${ops.userId}/deactivate`, undefined, admin.auth);
    expect(res.status).toBe(200);
    const closed = await opsConn.closed;
    const deactivationMs = performance.now() - t;
    expect(closed.code).toBe(CLOSE.unauthorized);
    expect(closed.reason).toMatch(/access changed/);
    expect(deactivationMs).toBeLessThan(5000);

    t = performance.now();
    const demote = await edge.json('PATCH', `/api/users/${sales.userId}`, { role: 'finance' }, admin.auth);
    expect(demote.status).toBe(200);
    expect((await salesConn.closed).code).toBe(CLOSE.unauthorized);
    const demotionMs = performance.now() - t;
    expect(demotionMs).toBeLessThan(5000);
    console.log(
      `access change → close: deactivation ${deactivationMs.toFixed(0)} ms, role change ${demotionMs.toFixed(0)} ms`,
    );

    // Others on the same document are untouched: the server still answers them after both closes.
    await handled(managerConn.ws);
    expect(managerConn.ws.readyState).toBe(WebSocket.OPEN);
    expect(collab?.metrics().accessFeed).toBe('connected');
  });

  it('catches up on changes made while the feed was cut (Last-Event-ID)', async () => {
    await startCollab();
    const eventId = await anEvent();
    const admin = await edge.login('admin@mandap.demo');
    const ops = await edge.login('ops@mandap.demo');
    const conn = await open(`event:${eventId}:dayof`, ops.token);
    // Cut every stream the edge has open; the collab-server reconnects with its last id.
    (edgeServer as unknown as import('node:http').Server).closeAllConnections();
    const res = await edge.json('POST', `/api/users/${ops.userId}/deactivate`, undefined, admin.auth);
    expect(res.status).toBe(200);
    expect((await conn.closed).code).toBe(CLOSE.unauthorized);
  });

  it('closes a connection whose token expires, unless it sends a fresh one in time', async () => {
    await startCollab(false);
    const eventId = await anEvent();
    const ops = await edge.login('ops@mandap.demo');
    const room = `event:${eventId}:tasks`;
    const short = await tokenFor(ops.userId, 'operations', { expiresInS: 2, secret: JWT });
    const expiring = await open(room, short);
    const renewed = await open(room, short);
    const started = performance.now();
    renewed.ws.send(encodeAuth(await tokenFor(ops.userId, 'operations', { expiresInS: 600, secret: JWT })));
    const closed = await expiring.closed;
    expect(closed.code).toBe(CLOSE.unauthorized);
    expect(closed.reason).toMatch(/expired/);
    expect(performance.now() - started).toBeLessThan(3500);
    // Past the first token's expiry, the server still answers the renewed connection.
    await pastExpiryOf(short);
    await handled(renewed.ws);
    expect(renewed.ws.readyState).toBe(WebSocket.OPEN);

    // A fresh token for someone else is refused.
    const sales = await edge.login('sales@mandap.demo');
    renewed.ws.send(encodeAuth(sales.token));
    expect((await renewed.closed).code).toBe(CLOSE.forbidden);
  });
});
