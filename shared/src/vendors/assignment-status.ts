/** An assignment's life: requested → confirmed → in progress → delivered → paid, or cancelled before it is paid. */
export const ASSIGNMENT_STATUSES = ['requested', 'confirmed', 'in_progress', 'delivered', 'paid', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  requested: 'Requested',
  confirmed: 'Confirmed',
  in_progress: 'In progress',
  delivered: 'Delivered',
  paid: 'Paid',
  cancelled: 'Cancelled',
};

/** Who may make a move: staff who manage vendors, finance (money), or the vendor on their own assignment. */
export type AssignmentActor = 'staff' | 'finance' | 'vendor';

/** The transition table: from → to → who may make the move. Anything not listed is refused. */
const ASSIGNMENT_TRANSITIONS: Record<
  AssignmentStatus,
  Partial<Record<AssignmentStatus, readonly AssignmentActor[]>>
> = {
  requested: { confirmed: ['staff', 'vendor'], cancelled: ['staff'] },
  confirmed: { in_progress: ['staff', 'vendor'], cancelled: ['staff'] },
  in_progress: { delivered: ['staff', 'vendor'], cancelled: ['staff'] },
  delivered: { paid: ['finance'] },
  paid: {},
  cancelled: {},
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export function checkAssignmentTransition(
  from: AssignmentStatus,
  to: AssignmentStatus,
  actor: AssignmentActor,
): TransitionCheck {
  if (from === to)
    return { ok: false, reason: `the assignment is already ${ASSIGNMENT_STATUS_LABELS[to].toLowerCase()}` };
  const who = ASSIGNMENT_TRANSITIONS[from][to];
  if (!who) {
    const next = Object.keys(ASSIGNMENT_TRANSITIONS[from]) as AssignmentStatus[];
    const options = next.length ? next.map((s) => ASSIGNMENT_STATUS_LABELS[s].toLowerCase()).join(' or ') : 'nothing';
    return {
      ok: false,
      reason: `an assignment that is ${ASSIGNMENT_STATUS_LABELS[from].toLowerCase()} can move to ${options}, not ${ASSIGNMENT_STATUS_LABELS[to].toLowerCase()}`,
    };
  }
  if (!who.includes(actor))
    return {
      ok: false,
      reason: `only ${who.join(' or ')} may mark an assignment ${ASSIGNMENT_STATUS_LABELS[to].toLowerCase()}`,
    };
  return { ok: true };
}

/** The moves this actor may make from `from`. */
export function nextAssignmentStatuses(from: AssignmentStatus, actor: AssignmentActor): AssignmentStatus[] {
  return (Object.entries(ASSIGNMENT_TRANSITIONS[from]) as [AssignmentStatus, readonly AssignmentActor[]][])
    .filter(([, who]) => who.includes(actor))
    .map(([to]) => to);
}

/** Statuses in which the assignment counts as committed spend (it has a live PO). */
export const COMMITTED_STATUSES: readonly AssignmentStatus[] = ['confirmed', 'in_progress', 'delivered', 'paid'];
