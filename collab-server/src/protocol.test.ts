import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeSyncStep1,
  encodeUpdate,
  isDecodableUpdate,
  isEmptyUpdate,
  MalformedMessage,
} from './protocol.ts';

describe('decodeMessage', () => {
  it('reads sync step 1 and updates', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'namaste');
    expect(decodeMessage(encodeSyncStep1(doc)).kind).toBe('sync-step-1');
    const msg = decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    expect(msg.kind).toBe('update');
  });

  it('reads query-awareness', () => {
    expect(decodeMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
  });

  it('refuses garbage, truncation, unknown types and trailing bytes', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'v');
    const good = encodeUpdate(Y.encodeStateAsUpdate(doc));
    const badAwareness = encoding.createEncoder();
    encoding.writeVarUint(badAwareness, 1);
    encoding.writeVarUint8Array(badAwareness, Uint8Array.of(1, 5, 1, 3, 0x7b, 0x7b, 0x7b));
    for (const bad of [
      Uint8Array.of(),
      Uint8Array.of(9),
      Uint8Array.of(0, 7, 0),
      good.subarray(0, good.length - 3),
      Uint8Array.of(...good, 1),
      encoding.toUint8Array(badAwareness),
    ]) {
      expect(() => decodeMessage(bad)).toThrow(MalformedMessage);
    }
  });

  it('leaves an update payload to be checked by applying it, and tells a malformed one apart', () => {
    // A well-formed envelope around bytes that are no Yjs update: the server applies it, fails,
    // and closes the peer with 1003 because it does not decode either (server.test.ts).
    const msg = decodeMessage(Uint8Array.of(0, 2, 5, 0xff, 0xff, 0xff, 0xff, 0xff));
    expect(msg.kind).toBe('update');
    expect(isDecodableUpdate(msg.kind === 'update' ? msg.update : Uint8Array.of())).toBe(false);
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 'v');
    expect(isDecodableUpdate(Y.encodeStateAsUpdate(doc))).toBe(true);
  });

  it('knows an empty update', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });
});
