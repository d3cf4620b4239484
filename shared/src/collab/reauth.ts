import * as encoding from 'lib0/encoding';

/** The y-websocket message type the collab server reads as "here is a fresh token for this connection". */
const MESSAGE_REAUTH = 2;

/**
 * `[2, varString token]`: sent over an open collab connection when the access token is refreshed,
 * so the server re-checks access with it and keeps the connection past the old token's expiry
 * (without it, the server closes the connection with 4401 when the old token expires).
 */
export function encodeReauth(token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REAUTH);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}
