import type * as Y from 'yjs';
import { z } from 'zod';
import { collection } from './collection.ts';

/** A checklist for one function and area ("Sangeet — stage"). */
export const ZChecklist = z.object({
  id: z.string(),
  title: z.string().min(1),
  /** The function it is for ("Sangeet"); blank for one the whole event shares. */
  functionName: z.string().trim(),
  area: z.string(),
  order: z.string(),
});
export type Checklist = z.infer<typeof ZChecklist>;

/** One line of a checklist; a tick records who and when. */
export const ZChecklistItem = z.object({
  id: z.string(),
  checklistId: z.string(),
  label: z.string().trim().min(1, { error: 'write the item' }),
  order: z.string(),
  doneById: z.string().nullable(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof ZChecklistItem>;

export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

/** Something that went wrong on the day, who owns it and whether it is resolved. */
export const ZDayIssue = z.object({
  id: z.string(),
  title: z.string().trim().min(1, { error: 'say what went wrong' }),
  severity: z.enum(ISSUE_SEVERITIES, { error: 'pick how bad it is' }),
  /** Blank when typed means the person logging it. */
  ownerName: z.string().trim(),
  reportedByName: z.string(),
  reportedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

/** A vendor expected on site; `expectedMin`/`actualMin` are minutes from midnight IST. */
export const ZVendorArrival = z.object({
  id: z.string(),
  /** The vendor assignment this entry is for; absent for a vendor typed in on the day. */
  assignmentId: z.string().nullable().optional(),
  vendorName: z.string().trim().min(1, { error: 'name the vendor' }),
  scope: z.string().trim(),
  expectedMin: z.number().int().nonnegative(),
  actualMin: z.number().int().nonnegative().nullable(),
  loggedByName: z.string().nullable(),
});
export type VendorArrival = z.infer<typeof ZVendorArrival>;

/** A run-of-show cue. */
export const ZCue = z.object({
  id: z.string(),
  title: z.string().trim().min(1, { error: 'name the cue' }),
  startMin: z.number().int().nonnegative(),
  durationMin: z
    .number({ error: 'enter the minutes' })
    .int({ error: 'use whole minutes' })
    .nonnegative({ error: 'minutes cannot be negative' }),
  ownerName: z.string().trim(),
  done: z.boolean(),
});
export type Cue = z.infer<typeof ZCue>;

/** Typed access to an event-day console document. */
export function dayofDoc(doc: Y.Doc) {
  return {
    checklists: collection(doc, 'checklists', ZChecklist),
    items: collection(doc, 'items', ZChecklistItem),
    issues: collection(doc, 'issues', ZDayIssue),
    arrivals: collection(doc, 'arrivals', ZVendorArrival),
    cues: collection(doc, 'cues', ZCue),
  };
}
export type DayofDoc = ReturnType<typeof dayofDoc>;

/** Done and total items, and the whole percentage (0 when empty). */
export interface Progress {
  done: number;
  total: number;
  percent: number;
}

/** Progress of a set of checklist items. */
export function checklistProgress(items: readonly Pick<ChecklistItem, 'doneAt'>[]): Progress {
  const done = items.filter((i) => i.doneAt !== null).length;
  return { done, total: items.length, percent: items.length === 0 ? 0 : Math.floor((done * 100) / items.length) };
}

/** Progress per checklist id (checklists with no items included as 0/0). */
export function progressByChecklist(
  checklists: readonly Pick<Checklist, 'id'>[],
  items: readonly Pick<ChecklistItem, 'checklistId' | 'doneAt'>[],
): Map<string, Progress> {
  return new Map(checklists.map((c) => [c.id, checklistProgress(items.filter((i) => i.checklistId === c.id))]));
}

/** Minutes late (positive), early (negative) or null when not yet arrived. */
export function arrivalDelay(arrival: Pick<VendorArrival, 'expectedMin' | 'actualMin'>): number | null {
  return arrival.actualMin === null ? null : arrival.actualMin - arrival.expectedMin;
}
