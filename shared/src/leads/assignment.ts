import type { EventType } from '../events/lifecycle.ts';
import type { LeadSource } from './lifecycle.ts';

/** A rule sending matching leads to one owner. Unset fields match anything; the first matching rule wins. */
export interface AssignmentRule {
  ownerId: string;
  source?: LeadSource | null;
  city?: string | null;
  eventType?: EventType | null;
}

export interface AssignmentFacts {
  source: LeadSource;
  city: string | null;
  eventType: EventType | null;
}

const sameCity = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(rule: AssignmentRule, lead: AssignmentFacts): boolean {
  if (rule.source && rule.source !== lead.source) return false;
  if (rule.city && !(lead.city && sameCity(rule.city, lead.city))) return false;
  if (rule.eventType && rule.eventType !== lead.eventType) return false;
  return true;
}

/**
 * Picks the owner of a new lead: the first rule that matches (and whose owner is still an
 * active sales user), else the next active sales user after the last one given a lead
 * (round-robin, in the order given). Null when there is nobody to assign to.
 */
export function chooseOwner(input: {
  lead: AssignmentFacts;
  rules: readonly AssignmentRule[];
  activeSalesIds: readonly string[];
  lastAssignedId: string | null;
}): { ownerId: string; why: 'rule' | 'round_robin' } | null {
  const { lead, rules, activeSalesIds, lastAssignedId } = input;
  const rule = rules.find((r) => activeSalesIds.includes(r.ownerId) && matches(r, lead));
  if (rule) return { ownerId: rule.ownerId, why: 'rule' };
  if (activeSalesIds.length === 0) return null;
  const last = lastAssignedId ? activeSalesIds.indexOf(lastAssignedId) : -1;
  return { ownerId: activeSalesIds[(last + 1) % activeSalesIds.length]!, why: 'round_robin' };
}
