/**
 * The browser client's re-auth (client/src/features/workspace/collab/reauth.ts) against the real
 * server on a real port: a stock y-websocket provider, as the browser has it, whose access token
 * is refreshed while it is connected, keeps its connection past the old token's expiry; one
 * that is not handed the fresh token is closed with 4401.
 */
import { describe, expect, it } from 'vitest';
import { handFreshToken } from '../../client/src/features/workspace/collab/reauth.ts';
import { CLOSE } from './auth.ts';
import { pastExpiryOf, type TestClient, tokenFor, useServerPerTest, waitFor } from './test-support.ts';

const env = useServerPerTest();

function closes(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

describe('client re-auth (message type 2)', () => {
  it('keeps a connection open past its first token when the client hands over the refreshed one', async () => {
    const userId = await env.fx.addUser('operations');
    const room = `event:${env.fx.eventId}:tasks`;
    const short = await tokenFor(userId, 'operations', { expiresInS: 2 });
    const renewed = await env.client(room, short);
    const plain = await env.client(room, short);
    const watcher = await env.client(room, await tokenFor(userId, 'operations', { expiresInS: 600 }));
    const renewedCloses = closes(renewed);
    const plainCloses = closes(plain);

    // The session refreshed: the client hands the fresh token to the open connection.
    const fresh = await tokenFor(userId, 'operations', { expiresInS: 600 });
    expect(handFreshToken(renewed.provider, fresh)).toBe(true);
    // The same token again is not re-sent.
    expect(handFreshToken(renewed.provider, fresh)).toBe(false);
    expect(renewed.provider.params.token).toBe(fresh);

    await waitFor(() => plainCloses.includes(CLOSE.unauthorized), 6000, 'the un-renewed connection to be closed');
    await pastExpiryOf(short);

    // Past the old token's expiry, its edits still reach others (a closed peer's are ignored).
    renewed.doc.getMap('tasks').set('t1', 'Book the shehnai players');
    await waitFor(
      () => watcher.doc.getMap('tasks').get('t1') === 'Book the shehnai players',
      5000,
      'the edit to relay',
    );
    expect(renewedCloses).toEqual([]);
    expect(renewed.provider.wsconnected).toBe(true);
  });

  it('refuses a refreshed token for another user', async () => {
    const room = `event:${env.fx.eventId}:tasks`;
    const client = await env.client(room, await tokenFor(await env.fx.addUser('operations'), 'operations'));
    const codes = closes(client);
    const other = await tokenFor(await env.fx.addUser('operations'), 'operations');
    expect(handFreshToken(client.provider, other)).toBe(true);
    await waitFor(() => codes.includes(CLOSE.forbidden), 5000, 'the connection to be closed 4403');
  });
});
