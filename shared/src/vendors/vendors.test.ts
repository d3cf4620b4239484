import { describe, expect, it } from 'vitest';
import { type AssignmentStatus, checkAssignmentTransition, nextAssignmentStatuses } from './assignment-status.ts';
import { categoryKeyOf } from './categories.ts';
import { blockedReasons, type DependencyEdge, type DependencyKind, findCycle } from './dependencies.ts';
import { ZVendorCreate } from './schemas.ts';
import { checkAccountNumber, checkForeignTaxId, checkIfsc, checkPan, maskAccountNumber } from './tax-ids.ts';
import { tdsFor } from './tds.ts';

describe('tax ids', () => {
  it('checks PAN shape and holder type', () => {
    expect(checkPan('aapfu0939f')).toEqual({ ok: true, value: 'AAPFU0939F' });
    expect(checkPan('AAPFU0939')).toMatchObject({ ok: false, reason: expect.stringContaining('10 characters') });
    expect(checkPan('AAPXU0939F')).toMatchObject({ ok: false, reason: expect.stringContaining('holder type') });
    expect(checkPan('1APFU0939F').ok).toBe(false);
  });
  it('checks IFSC', () => {
    expect(checkIfsc('hdfc0001234')).toEqual({ ok: true, value: 'HDFC0001234' });
    expect(checkIfsc('HDFC1001234').ok).toBe(false);
    expect(checkIfsc('HDF0001234').ok).toBe(false);
  });
  it('checks foreign tax ids and account numbers', () => {
    expect(checkForeignTaxId('100-2345-678-90003').ok).toBe(true);
    expect(checkForeignTaxId('abc').ok).toBe(false);
    expect(checkForeignTaxId('NODIGITS').ok).toBe(false);
    expect(checkAccountNumber('5010 0123 4567 89')).toEqual({ ok: true, value: '50100123456789' });
    expect(checkAccountNumber('12ab').ok).toBe(false);
    expect(maskAccountNumber('6789')).toBe('XXXXXX6789');
  });
  it('validates a vendor: GSTIN checksum (the quotes rule), PAN inside the GSTIN, foreign ids abroad', () => {
    const base = { name: 'Noor Decor', category: 'decor', city: 'Mumbai' };
    expect(ZVendorCreate.safeParse({ ...base, gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' }).success).toBe(true);
    const badSum = ZVendorCreate.safeParse({ ...base, gstin: '27AAPFU0939F1ZX' });
    expect(badSum.success).toBe(false);
    expect(badSum.error?.issues[0]?.path).toEqual(['gstin']);
    expect(badSum.error?.issues[0]?.message).toContain('checksum');
    const mismatch = ZVendorCreate.safeParse({ ...base, gstin: '27AAPFU0939F1ZV', pan: 'AAPFV0939F' });
    expect(mismatch.error?.issues[0]?.path).toEqual(['pan']);
    const abroad = ZVendorCreate.safeParse({ ...base, country: 'AE', currency: 'AED', gstin: '27AAPFU0939F1ZV' });
    expect(abroad.error?.issues[0]?.path).toEqual(['gstin']);
    expect(
      ZVendorCreate.safeParse({ ...base, country: 'AE', currency: 'AED', foreignTaxId: '100234567800003' }).success,
    ).toBe(true);
    const badIfsc = ZVendorCreate.safeParse({
      ...base,
      bank: { accountName: 'Noor', accountNumber: '123456789', ifsc: 'X' },
    });
    expect(badIfsc.error?.issues[0]?.path).toEqual(['bank', 'ifsc']);
  });
  it('turns labels into category keys', () => {
    expect(categoryKeyOf('Tent & Fabric')).toBe('tent_fabric');
    expect(categoryKeyOf('Décor')).toBe('decor');
  });
});

describe('assignment transitions', () => {
  it('follows the table and says why a move is refused', () => {
    expect(checkAssignmentTransition('requested', 'confirmed', 'vendor').ok).toBe(true);
    expect(checkAssignmentTransition('delivered', 'paid', 'finance').ok).toBe(true);
    const skip = checkAssignmentTransition('requested', 'delivered', 'staff');
    expect(skip).toMatchObject({ ok: false, reason: expect.stringContaining('confirmed or cancelled') });
    expect(checkAssignmentTransition('delivered', 'paid', 'vendor').ok).toBe(false);
    expect(checkAssignmentTransition('confirmed', 'cancelled', 'vendor').ok).toBe(false);
    expect(checkAssignmentTransition('paid', 'cancelled', 'staff').ok).toBe(false);
    expect(nextAssignmentStatuses('confirmed', 'vendor')).toEqual(['in_progress']);
    expect(nextAssignmentStatuses('cancelled', 'staff')).toEqual([]);
  });
});

describe('TDS (194C)', () => {
  it('withholds 1% for individuals, 2% for firms, 20% without PAN, nothing under ₹30,000 or abroad', () => {
    const c = { country: 'IN', currency: 'INR', contractMinor: 1_00_000_00, grossMinor: 50_000_00 };
    expect(tdsFor({ ...c, pan: 'ABCPE1234F' }).tdsMinor).toBe(500_00);
    expect(tdsFor({ ...c, pan: 'AAPFU0939F' }).tdsMinor).toBe(1000_00);
    expect(tdsFor({ ...c, pan: null }).tdsMinor).toBe(10_000_00);
    expect(tdsFor({ ...c, pan: 'AAPFU0939F', contractMinor: 25_000_00 }).tdsMinor).toBe(0);
    expect(tdsFor({ ...c, pan: null, country: 'AE' }).tdsMinor).toBe(0);
  });
});

/** A seeded pseudo-random generator so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STATUSES: AssignmentStatus[] = ['requested', 'confirmed', 'in_progress', 'delivered', 'paid', 'cancelled'];

/** A random DAG: edges only go from a higher index to a lower one, so it cannot have a cycle. */
function randomDag(n: number, seed: number) {
  const r = rng(seed);
  const ids = Array.from({ length: n }, (_, i) => `a${String(i).padStart(4, '0')}`);
  const edges: (DependencyEdge & { kind: DependencyKind })[] = [];
  for (let i = 1; i < n; i++) {
    const k = Math.floor(r() * 3);
    const seen = new Set<number>();
    for (let j = 0; j < k; j++) {
      const up = Math.floor(r() * i);
      if (seen.has(up)) continue;
      seen.add(up);
      edges.push({
        assignmentId: ids[i]!,
        dependsOnId: ids[up]!,
        kind: r() < 0.8 ? 'finish_to_start' : 'start_to_start',
      });
    }
  }
  const statuses = new Map(ids.map((id) => [id, STATUSES[Math.floor(r() * STATUSES.length)]!]));
  return { ids, edges, statuses };
}

describe('dependency graph', () => {
  it('refuses a self-loop and names a cycle', () => {
    expect(findCycle([], { assignmentId: 'a', dependsOnId: 'a' })).toEqual(['a', 'a']);
    const edges = [
      { assignmentId: 'b', dependsOnId: 'a' },
      { assignmentId: 'c', dependsOnId: 'b' },
    ];
    expect(findCycle(edges, { assignmentId: 'a', dependsOnId: 'c' })).toEqual(['a', 'c', 'b', 'a']);
    expect(findCycle(edges, { assignmentId: 'c', dependsOnId: 'a' })).toBeNull();
  });

  it('finds every closing edge on generated graphs of hundreds of assignments, and only those', () => {
    for (const seed of [1, 2, 3]) {
      const { ids, edges } = randomDag(400, seed);
      const r = rng(seed + 100);
      // reachability by brute force: can `from` reach `to` following depends-on edges?
      const out = new Map<string, string[]>();
      for (const e of edges) out.set(e.assignmentId, [...(out.get(e.assignmentId) ?? []), e.dependsOnId]);
      const reaches = (from: string, to: string) => {
        const seen = new Set([from]);
        const stack = [from];
        while (stack.length) {
          const n = stack.pop()!;
          if (n === to) return true;
          for (const m of out.get(n) ?? []) {
            if (seen.has(m)) continue;
            seen.add(m);
            stack.push(m);
          }
        }
        return false;
      };
      for (let k = 0; k < 300; k++) {
        const a = ids[Math.floor(r() * ids.length)]!;
        const b = ids[Math.floor(r() * ids.length)]!;
        const cycle = findCycle(edges, { assignmentId: a, dependsOnId: b });
        expect(cycle !== null).toBe(a === b || reaches(b, a));
        if (cycle) {
          // the named cycle is real: starts and ends at a, every step is an edge (the first is the new one)
          expect(cycle[0]).toBe(a);
          expect(cycle.at(-1)).toBe(a);
          for (let i = 1; i < cycle.length - 1; i++) expect(out.get(cycle[i]!)?.includes(cycle[i + 1]!)).toBe(true);
        }
      }
    }
  });

  it('blocks on unmet upstreams and follows the chain through them, not through met ones', () => {
    const statuses = new Map<string, AssignmentStatus>([
      ['caterer', 'confirmed'],
      ['decor', 'requested'],
      ['lights', 'requested'],
      ['tent', 'delivered'],
      ['sound', 'requested'],
    ]);
    const edges = [
      { assignmentId: 'decor', dependsOnId: 'caterer', kind: 'finish_to_start' as const },
      { assignmentId: 'lights', dependsOnId: 'decor', kind: 'finish_to_start' as const },
      { assignmentId: 'sound', dependsOnId: 'tent', kind: 'finish_to_start' as const },
    ];
    const r = blockedReasons(statuses, edges);
    expect(r.map((x) => `${x.assignmentId}<${x.blockerId}@${x.depth}`)).toEqual([
      'decor<caterer@1',
      'lights<decor@1',
      'lights<caterer@2',
    ]);
  });
});

export { randomDag };
