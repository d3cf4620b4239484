/** A milestone's share of a payment. */
export interface Allocation {
  milestoneId: string;
  amountMinor: number;
}

export interface OpenMilestone {
  id: string;
  seq: number;
  label: string;
  amountMinor: number;
  paidMinor: number;
  isWaived: boolean;
}

export type AllocationDecision =
  | { ok: true; allocations: Allocation[]; surplusMinor: number }
  | { ok: false; reason: string; field: string };

const owed = (m: OpenMilestone) => (m.isWaived ? 0 : Math.max(0, m.amountMinor - m.paidMinor));

/**
 * Where a payment goes. With `requested` allocations: each must name an open milestone and
 * stay within what it still owes; together they may not exceed the payment. Without: the
 * `first` milestone (a payment link's), then the oldest open milestones. Whatever is left
 * over is `surplusMinor`: held as credit on account, never refused.
 */
export function allocatePayment(
  milestones: readonly OpenMilestone[],
  amountMinor: number,
  requested?: readonly Allocation[],
  first?: string,
): AllocationDecision {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  if (requested && requested.length > 0) {
    const seen = new Set<string>();
    for (const [i, a] of requested.entries()) {
      const m = byId.get(a.milestoneId);
      if (!m)
        return { ok: false, field: `allocations.${i}.milestoneId`, reason: 'that milestone is not in this event' };
      if (seen.has(m.id)) return { ok: false, field: `allocations.${i}.milestoneId`, reason: 'milestone listed twice' };
      seen.add(m.id);
      if (a.amountMinor > owed(m))
        return {
          ok: false,
          field: `allocations.${i}.amountMinor`,
          reason: `"${m.label}" owes ${owed(m)} paise; ${a.amountMinor} is more than that`,
        };
    }
    const sum = requested.reduce((s, a) => s + a.amountMinor, 0);
    if (sum > amountMinor)
      return {
        ok: false,
        field: 'allocations',
        reason: `allocations add up to ${sum} paise, more than the payment of ${amountMinor}`,
      };
    return {
      ok: true,
      allocations: requested.filter((a) => a.amountMinor > 0).map((a) => ({ ...a })),
      surplusMinor: amountMinor - sum,
    };
  }
  const open = [...milestones].sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : a.seq - b.seq));
  let left = amountMinor;
  const allocations: Allocation[] = [];
  for (const m of open) {
    const take = Math.min(left, owed(m));
    if (take > 0) allocations.push({ milestoneId: m.id, amountMinor: take });
    left -= take;
  }
  return { ok: true, allocations, surplusMinor: left };
}

/**
 * Which milestones a refund of `amountMinor` takes back from, given what a payment still
 * has allocated: the latest milestone first, so the advance is the last to be unpaid.
 */
export function allocateRefund(
  remaining: readonly (Allocation & { seq: number })[],
  amountMinor: number,
): Allocation[] | null {
  const total = remaining.reduce((s, a) => s + a.amountMinor, 0);
  if (amountMinor > total) return null;
  let left = amountMinor;
  const out: Allocation[] = [];
  for (const a of [...remaining].sort((x, y) => y.seq - x.seq)) {
    const take = Math.min(left, a.amountMinor);
    if (take > 0) out.push({ milestoneId: a.milestoneId, amountMinor: take });
    left -= take;
  }
  return out;
}
