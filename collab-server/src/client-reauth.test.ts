/**
 * The browser client's re-auth (client/src/features/workspace/collab/reauth.ts) against the real
 * server on a real port: a stock y-websocket provider, as the browser has it, whose access token
 * is refreshed while it is connected, keeps its connection past the old token's expiry; one
 * that is not handed the fresh token is closed with 4401.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handFreshToken } from '../../client/src/features/workspace/collab/reauth.ts';
import { CLOSE } from './auth.ts';
import type { CollabServer } from './server.ts';
import {
  closeClient,
  connectClient,
  createFixture,
  type Fixture,
  sleep,
  startTestServer,
  type TestClient,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
let server: CollabServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  fx = await createFixture();
  server = await startTestServer(fx);
});

afterEach(async () => {
  for (const c of clients) closeClient(c);
  clients.length = 0;
  await server.close();
  fx.cleanup();
});

function closes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

describe('client re-auth (message type 2)', () => {
  it('keeps a connection open past its first token when the client hands over the refreshed one', async () => {
    const userId = await fx.addUser('operations');
    const room = `event:${fx.eventId}:tasks`;
    const short = await tokenFor(userId, 'operations', { expiresInS: 2 });
    const renewed = await connectClient(server.port, room, short);
    const plain = await connectClient(server.port, room, short);
    const watcher = await connectClient(server.port, room, await tokenFor(userId, 'operations', { expiresInS: 600 }));
    clients.push(renewed, plain, watcher);
    const renewedCloses = closes(renewed);
    const plainCloses = closes(plain);

    // The session refreshed: the client hands the fresh token to the open connection.
    const fresh = await tokenFor(userId, 'operations', { expiresInS: 600 });
    expect(handFreshToken(renewed.provider, fresh)).toBe(true);
    // The same token again is not re-sent.
    expect(handFreshToken(renewed.provider, fresh)).toBe(false);
    expect(renewed.provider.params.token).toBe(fresh);

    await waitFor(() => plainCloses.includes(CLOSE.unauthorized), 6000, 'the un-renewed connection to be closed');
    await sleep(500);
    expect(renewedCloses).toEqual([]);
    expect(renewed.provider.wsconnected).toBe(true);

    // Past the old token's expiry, its edits still reach others.
    renewed.doc.getMap('tasks').set('t1', 'Book the shehnai players');
    await waitFor(
      () => watcher.doc.getMap('tasks').get('t1') === 'Book the shehnai players',
      5000,
      'the edit to relay',
    );
  });

  it('refuses a refreshed token for another user', async () => {
    const room = `event:${fx.eventId}:tasks`;
    const client = await connectClient(server.port, room, await tokenFor(await fx.addUser('operations'), 'operations'));
    clients.push(client);
    const codes = closes(client);
    const other = await tokenFor(await fx.addUser('operations'), 'operations');
    expect(handFreshToken(client.provider, other)).toBe(true);
    await waitFor(() => codes.includes(CLOSE.forbidden), 5000, 'the connection to be closed 4403');
  });
});
