import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ordered, orderKeyAtEnd, orderKeyForMove, sortByOrder } from './ordering.ts';

const ids = (items: Ordered[]) => sortByOrder(items).map((i) => i.id);

function listOf(n: number): Ordered[] {
  const out: Ordered[] = [];
  for (let i = 0; i < n; i++) out.push({ id: `t${i}`, order: orderKeyAtEnd(out) });
  return out;
}

describe('fractional ordering', () => {
  it('appends after the last item', () => {
    expect(ids(listOf(4))).toEqual(['t0', 't1', 't2', 't3']);
  });

  it('moves an item to any position without touching the others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), fc.nat(), (n, from, to) => {
        const items = listOf(n);
        const moving = items[from % n] as Ordered;
        const index = to % n;
        const key = orderKeyForMove(items, moving.id, index);
        const after = items.map((i) => (i.id === moving.id ? { ...i, order: key } : i));
        const expected = ids(items).filter((id) => id !== moving.id);
        expected.splice(index, 0, moving.id);
        expect(ids(after)).toEqual(expected);
      }),
    );
  });

  it('two people dropping different cards into the same gap get one agreed order', () => {
    const items = listOf(3);
    const a = { id: 'x', order: orderKeyForMove(items, 'x', 1) };
    const b = { id: 'y', order: orderKeyForMove(items, 'y', 1) };
    expect(a.order).toBe(b.order);
    const merged = [...items, a, b];
    expect(ids(merged)).toEqual(['t0', 'x', 'y', 't1', 't2']);
    // No key fits between two equal keys: a later drop between them lands just after the pair.
    const c = { id: 'z', order: orderKeyForMove(merged, 'z', 2) };
    expect(ids([...merged, c])).toEqual(['t0', 'x', 'y', 'z', 't1', 't2']);
  });
});
