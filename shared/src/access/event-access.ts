import { z } from 'zod';

/** How a vendor or client user is linked to an event (`event_access`): read, or write (vendors: tasks and day-of). */
export const EVENT_ACCESS_LEVELS = ['read', 'write'] as const;
export type EventAccessLevel = (typeof EVENT_ACCESS_LEVELS)[number];

export const EVENT_ACCESS_LABELS: Record<EventAccessLevel, string> = {
  read: 'View only',
  write: 'Can edit',
};

/**
 * Why a link exists: added by hand (it stays until someone removes it), or made by assigning the
 * vendor (it goes when that vendor's last live assignment on the event is cancelled).
 */
export const EVENT_ACCESS_SOURCES = ['manual', 'assignment'] as const;
export type EventAccessSource = (typeof EVENT_ACCESS_SOURCES)[number];

/** The levels a user of this role may be given: a client reads their event; a vendor may also write. */
export function accessLevelsFor(role: string): readonly EventAccessLevel[] {
  if (role === 'vendor') return EVENT_ACCESS_LEVELS;
  if (role === 'client') return ['read'];
  return [];
}

/** Linking a user to an event, or changing their link. Strict: nothing else. */
export const ZEventAccessInput = z.strictObject({
  access: z.enum(EVENT_ACCESS_LEVELS, { error: 'must be read or write' }),
});

/** One external user linked to an event. */
export const ZEventAccessEntry = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  /** The vendor firm a vendor user acts for, when there is one. */
  vendorName: z.string().nullable(),
  access: z.enum(EVENT_ACCESS_LEVELS),
  source: z.enum(EVENT_ACCESS_SOURCES),
  /** Who granted it; null for links made by the demo seed or before this was recorded. */
  grantedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type EventAccessEntry = z.infer<typeof ZEventAccessEntry>;
export const ZEventAccessList = z.object({ people: z.array(ZEventAccessEntry) });

/** A vendor or client user who may be linked to events (active or invited). */
export const ZEventAccessCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['vendor', 'client']),
  vendorName: z.string().nullable(),
});
export type EventAccessCandidate = z.infer<typeof ZEventAccessCandidate>;
export const ZEventAccessCandidates = z.object({ people: z.array(ZEventAccessCandidate) });
