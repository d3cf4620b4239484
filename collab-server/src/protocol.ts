import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket message types (first varuint of every message). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

export type InboundMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  /** Sync step 2 or an incremental update: both carry a Yjs update. */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** A fresh token for this connection (sent before the old one expires): `[2, varString token]`. */
  | { kind: 'auth'; token: string };

export class MalformedMessage extends Error {}

/**
 * Decodes and validates one client message. Throws MalformedMessage for anything that is not a
 * well-formed y-websocket message, so nothing broken reaches the document or the log.
 */
export function decodeMessage(data: Uint8Array): InboundMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let msg: InboundMessage;
    if (type === MESSAGE.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        msg = { kind: 'sync-step-1', stateVector: payload };
      } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        // Not decoded here: applying it to the document (documents.ts) is the check, and decoding
        // it first as well cost a second parse of every update. `isDecodableUpdate` tells a
        // malformed one (1003) from one that decodes but cannot be applied (4422) on that path.
        msg = { kind: 'update', update: payload };
      } else {
        throw new MalformedMessage(`unknown sync step ${step}`);
      }
    } else if (type === MESSAGE.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      validateAwarenessUpdate(update);
      msg = { kind: 'awareness', update };
    } else if (type === MESSAGE.auth) {
      const token = decoding.readVarString(decoder);
      if (token.length === 0 || token.length > 4096) throw new MalformedMessage('bad auth token');
      msg = { kind: 'auth', token };
    } else if (type === MESSAGE.queryAwareness) {
      msg = { kind: 'query-awareness' };
    } else {
      throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return msg;
  } catch (err) {
    if (err instanceof MalformedMessage) throw err;
    throw new MalformedMessage(err instanceof Error ? err.message : 'undecodable message');
  }
}

/** Parses an awareness update fully (so a bad one is refused before it is applied). */
function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes in awareness update');
}

/** Whether `update` parses as a Yjs update (only asked once applying it failed). */
export function isDecodableUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** An update that carries no structs and no deletions (what an up-to-date peer's step 2 is). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The client's re-auth message (one encoder, in shared/, used by the browser client too). */
export { encodeReauth as encodeAuth } from '@mandap/shared/collab';

export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
