import { generateKeyBetween } from 'fractional-indexing';

/** Anything placed in a list by a fractional-index key. */
export interface Ordered {
  id: string;
  order: string;
}

/**
 * Sorts by order key, then by id. Two people who drop different cards into the same gap at the
 * same moment mint the same key; the id tie-break keeps every replica's order identical.
 */
export function sortByOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

/** A key that sorts after every item in `items` (for appending). */
export function orderKeyAtEnd(items: readonly Ordered[]): string {
  const last = sortByOrder(items).at(-1);
  return generateKeyBetween(last?.order ?? null, null);
}

/**
 * The key that puts `movingId` at position `index` of `items` (the target list, sorted or not;
 * the moving item may be in it or come from another list). Only the moved item gets a new
 * key, so concurrent moves of different items merge without disturbing each other.
 */
export function orderKeyForMove(items: readonly Ordered[], movingId: string, index: number): string {
  const others = sortByOrder(items.filter((i) => i.id !== movingId));
  const at = Math.max(0, Math.min(index, others.length));
  const before = others[at - 1]?.order ?? null;
  const after = others[at]?.order ?? null;
  if (before !== null && after !== null && before >= after) {
    // Equal keys (a concurrent tie): place just after `before`, still before anything larger.
    const next = others.slice(at).find((o) => o.order > before)?.order ?? null;
    return generateKeyBetween(before, next);
  }
  return generateKeyBetween(before, after);
}
