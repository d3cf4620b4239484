import * as Y from 'yjs';
import type { StoredDoc } from './persistence.ts';

export interface Folded {
  ydoc: Y.Doc;
  /** Log rows that could not be applied (left out of `ydoc`). */
  badSeqs: number[];
  /** The snapshot could not be applied (left out of `ydoc`). */
  badSnapshot: boolean;
  /** The rows could not be sorted into good and bad: `ydoc` is empty and nothing should be dropped. */
  unreadable: boolean;
}

/** Gives up looking for more bad rows after this many (each one costs a re-fold). */
const MAX_BAD = 50;

/**
 * Rebuilds a document from its snapshot and log rows. A row that fails to apply may have left
 * half of itself in the document, so the fold restarts without it; what comes back holds only
 * whole rows. Never throws.
 */
export function foldStored(stored: StoredDoc): Folded {
  const badSeqs = new Set<number>();
  let badSnapshot = false;
  for (;;) {
    const ydoc = new Y.Doc();
    let failed = false;
    if (stored.snapshot && !badSnapshot) {
      try {
        Y.applyUpdate(ydoc, stored.snapshot, 'load');
      } catch {
        badSnapshot = true;
        failed = true;
      }
    }
    if (!failed) {
      for (const row of stored.rows) {
        if (badSeqs.has(row.seq)) continue;
        try {
          Y.applyUpdate(ydoc, row.data, 'load');
        } catch {
          badSeqs.add(row.seq);
          failed = true;
          break;
        }
      }
    }
    if (!failed) {
      try {
        Y.encodeStateAsUpdate(ydoc);
        return { ydoc, badSeqs: [...badSeqs], badSnapshot, unreadable: false };
      } catch {
        // Applied but cannot be encoded: nothing to single out. Serve the empty document.
        ydoc.destroy();
        return { ydoc: new Y.Doc(), badSeqs: [...badSeqs], badSnapshot, unreadable: true };
      }
    }
    ydoc.destroy();
    if (badSeqs.size >= MAX_BAD) {
      return { ydoc: new Y.Doc(), badSeqs: [...badSeqs], badSnapshot, unreadable: true };
    }
  }
}
