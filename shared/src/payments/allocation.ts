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

export type AllocationDecision = { ok: true; allocations: Allocation[] } | { ok: false; reason: string; field: string };

const owed = (m: OpenMilestone) => (m.isWaived ? 0 : Math.max(0, m.amountMinor - m.paidMinor));

/**
 * Where a payment goes. With `requested` allocations: each must name an open milestone, stay
 * within what it still owes, and together equal the payment. Without: oldest milestone first.
 * A payment larger than everything owed is refused (record the excess once a plan covers it).
 */
export function allocatePayment(
  milestones: readonly OpenMilestone[],
  amountMinor: number,
  requested?: readonly Allocation[],
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
    if (sum !== amountMinor)
      return {
        ok: false,
        field: 'allocations',
        reason: `allocations add up to ${sum} paise, the payment is ${amountMinor}`,
      };
    return { ok: true, allocations: requested.filter((a) => a.amountMinor > 0).map((a) => ({ ...a })) };
  }
  const open = [...milestones].sort((a, b) => a.seq - b.seq);
  const total = open.reduce((s, m) => s + owed(m), 0);
  if (amountMinor > total)
    return {
      ok: false,
      field: 'amountMinor',
      reason: `the event owes ${total} paise in its milestones; ${amountMinor} is more than that`,
    };
  let left = amountMinor;
  const allocations: Allocation[] = [];
  for (const m of open) {
    const take = Math.min(left, owed(m));
    if (take > 0) allocations.push({ milestoneId: m.id, amountMinor: take });
    left -= take;
  }
  return { ok: true, allocations };
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
