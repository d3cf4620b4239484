import { LEAD_STAGE_LABELS, type LeadStage } from './lifecycle.ts';

/** What a stage rule looks at: the lead as it is now. */
export interface LeadStageFacts {
  stage: LeadStage;
  eventType: string | null;
}

/** How a lead moves: by a person on the board, or by the booking being confirmed (payments). */
export type LeadMoveTrigger = 'manual' | 'booking_confirmed';

export type LeadMoveDecision =
  | { ok: true; from: LeadStage; to: LeadStage; lostReason: string | null }
  | { ok: false; reason: string };

interface Transition {
  from: LeadStage;
  to: LeadStage;
  trigger: LeadMoveTrigger;
  /** Returns why the move is refused, or null when it may go ahead. */
  guard?: (lead: LeadStageFacts, input: { lostReason?: string | null | undefined }) => string | null;
}

const OPEN: readonly LeadStage[] = [
  'new',
  'contacted',
  'brief_captured',
  'meeting_scheduled',
  'quote_sent',
  'negotiation',
];

const needsBrief = (lead: LeadStageFacts) =>
  lead.eventType ? null : 'Capture the brief first: set the event type on the lead card.';
const needsLostReason: Transition['guard'] = (_lead, input) =>
  (input.lostReason?.trim().length ?? 0) >= 3 ? null : 'Say why the lead was lost (at least 3 characters).';

/**
 * The lead pipeline as a declarative table: every allowed move, with its guard. Anything not
 * listed is refused. Won is reached only by confirming the booking (the payments feature
 * calls `decideLeadMove(lead, 'won', { trigger: 'booking_confirmed' })`).
 */
const LEAD_TRANSITIONS: readonly Transition[] = [
  { from: 'new', to: 'contacted', trigger: 'manual' },
  { from: 'new', to: 'brief_captured', trigger: 'manual', guard: needsBrief },
  { from: 'new', to: 'meeting_scheduled', trigger: 'manual', guard: needsBrief },
  { from: 'contacted', to: 'brief_captured', trigger: 'manual', guard: needsBrief },
  { from: 'contacted', to: 'meeting_scheduled', trigger: 'manual', guard: needsBrief },
  { from: 'brief_captured', to: 'contacted', trigger: 'manual' },
  { from: 'brief_captured', to: 'meeting_scheduled', trigger: 'manual', guard: needsBrief },
  { from: 'brief_captured', to: 'quote_sent', trigger: 'manual', guard: needsBrief },
  { from: 'meeting_scheduled', to: 'brief_captured', trigger: 'manual' },
  { from: 'meeting_scheduled', to: 'quote_sent', trigger: 'manual', guard: needsBrief },
  { from: 'quote_sent', to: 'meeting_scheduled', trigger: 'manual' },
  { from: 'quote_sent', to: 'negotiation', trigger: 'manual' },
  { from: 'negotiation', to: 'quote_sent', trigger: 'manual' },
  ...OPEN.map((from): Transition => ({ from, to: 'lost', trigger: 'manual', guard: needsLostReason })),
  { from: 'lost', to: 'contacted', trigger: 'manual' },
  ...OPEN.filter((s) => s !== 'new').map((from): Transition => ({ from, to: 'won', trigger: 'booking_confirmed' })),
];

function refusal(lead: LeadStageFacts, to: LeadStage, trigger: LeadMoveTrigger): string {
  const from = LEAD_STAGE_LABELS[lead.stage];
  const target = LEAD_STAGE_LABELS[to];
  if (lead.stage === to) return `The lead is already in ${target}.`;
  if (lead.stage === 'won') return 'The lead is Won: its booking is confirmed, so changes go through the event.';
  if (to === 'won' && trigger === 'manual')
    return 'A lead becomes Won only when its booking is confirmed by the advance payment.';
  if (to === 'won') return `A lead in ${from} has had no contact yet, so its booking cannot be confirmed.`;
  if (to === 'new') return 'A lead that has been worked on cannot go back to New.';
  if (lead.stage === 'lost') return 'A lost lead can only be reopened to Contacted.';
  return `A lead cannot move from ${from} straight to ${target}.`;
}

/**
 * Decides whether a lead may move to `to`. Returns the move, or the reason it is refused in
 * words for the person who tried it.
 */
export function decideLeadMove(
  lead: LeadStageFacts,
  to: LeadStage,
  input: { trigger?: LeadMoveTrigger; lostReason?: string | null | undefined } = {},
): LeadMoveDecision {
  const trigger = input.trigger ?? 'manual';
  const transition = LEAD_TRANSITIONS.find((t) => t.from === lead.stage && t.to === to && t.trigger === trigger);
  if (!transition) return { ok: false, reason: refusal(lead, to, trigger) };
  const refused = transition.guard?.(lead, input) ?? null;
  if (refused) return { ok: false, reason: refused };
  return { ok: true, from: lead.stage, to, lostReason: to === 'lost' ? input.lostReason!.trim() : null };
}

/** The stages a person may drag a lead to from where it is (ignoring guards that depend on input). */
export function manualTargets(stage: LeadStage): LeadStage[] {
  return LEAD_TRANSITIONS.filter((t) => t.from === stage && t.trigger === 'manual').map((t) => t.to);
}

/** The booking was confirmed (advance paid): the payments feature calls this to make the lead Won. */
export function decideBookingConfirmed(lead: LeadStageFacts): LeadMoveDecision {
  return decideLeadMove(lead, 'won', { trigger: 'booking_confirmed' });
}
