/**
 * Hand-built Yjs updates for the hostile-peer tests: each decodes (so it passes the protocol
 * check) but is not something a real Yjs client would send.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

interface StructSpec {
  clock: number;
  content: Y.ContentString | Y.ContentFormat | Y.ContentType | Y.ContentAny;
  parent?: string | Y.ID | null;
  parentSub?: string | null;
  origin?: Y.ID | null;
  rightOrigin?: Y.ID | null;
}

/** Writes one client's structs (in clock order) and an optional delete set, in update format v1. */
export function writeUpdate(
  client: number,
  structs: StructSpec[],
  deletes: { client: number; clock: number; len: number }[] = [],
): Uint8Array {
  const enc = new Y.UpdateEncoderV1();
  encoding.writeVarUint(enc.restEncoder, structs.length > 0 ? 1 : 0);
  if (structs.length > 0) {
    encoding.writeVarUint(enc.restEncoder, structs.length);
    enc.writeClient(client);
    encoding.writeVarUint(enc.restEncoder, structs[0]?.clock ?? 0);
    for (const s of structs) {
      const item = new Y.Item(
        Y.createID(client, s.clock),
        null,
        s.origin ?? null,
        null,
        s.rightOrigin ?? null,
        // Item.write reads a string parent as a root type name and an ID as a nested parent.
        (s.parent ?? null) as unknown as Y.AbstractType<unknown>,
        s.parentSub ?? null,
        s.content,
      );
      item.write(enc, 0);
    }
  }
  const byClient = new Map<number, { clock: number; len: number }[]>();
  for (const d of deletes) byClient.set(d.client, [...(byClient.get(d.client) ?? []), d]);
  encoding.writeVarUint(enc.restEncoder, byClient.size);
  for (const [c, ranges] of byClient) {
    enc.resetDsCurVal();
    encoding.writeVarUint(enc.restEncoder, c);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const r of ranges) {
      enc.writeDsClock(r.clock);
      enc.writeDsLen(r.len);
    }
  }
  return enc.toUint8Array();
}

/**
 * The reported crash: ~40 KB that decodes, but whose second struct's origin points past the end of
 * its own client's structs, so applying it throws half-way (the first struct is already in).
 */
export function poisonUpdate(size = 40_000, client = 777_777): Uint8Array {
  return writeUpdate(client, [
    { clock: 0, parent: 'notes', content: new Y.ContentString('x'.repeat(size)) },
    { clock: size, origin: Y.createID(client, size + 5000), content: new Y.ContentString('boom') },
  ]);
}

/** A formatting attribute of `bytes` characters on a text type. */
export function hugeAttributeUpdate(bytes: number, client = 888_888): Uint8Array {
  return writeUpdate(client, [{ clock: 0, parent: 'notes', content: new Y.ContentFormat('bold', 'y'.repeat(bytes)) }]);
}

/** Deletions of items nobody has. */
export function unknownDeletesUpdate(client = 999_999): Uint8Array {
  return writeUpdate(
    client,
    [],
    [
      { client: 424_242, clock: 0, len: 1_000_000 },
      { client: 434_343, clock: 5, len: 3 },
    ],
  );
}

/** `depth` nested maps, built by a real Yjs doc (valid, but deep). */
export function deepNestingUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    let map = doc.getMap('fields');
    for (let i = 0; i < depth; i++) {
      const child = new Y.Map<unknown>();
      map.set('n', child);
      map = child;
    }
    map.set('leaf', 'x');
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A valid update cut short: decoding it fails. */
export function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'hello world');
  const full = Y.encodeStateAsUpdate(doc);
  return full.slice(0, full.length - 6);
}
