import { encodeReauth } from '@mandap/shared/collab';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Hands an open collab connection a refreshed access token (message type 2), so the server keeps
 * it open past the old token's expiry instead of closing it with 4401. Also records the token for
 * the provider's next reconnect. Does nothing for the token the connection already has.
 * True when the fresh token was sent over an open socket.
 */
export function handFreshToken(provider: WebsocketProvider, token: string): boolean {
  if (!token || provider.params.token === token) return false;
  provider.params = { ...provider.params, token };
  const ws = provider.ws;
  if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return false;
  // lib0 builds it on a fresh ArrayBuffer (never shared memory).
  ws.send(encodeReauth(token) as Uint8Array<ArrayBuffer>);
  return true;
}
