import { z } from 'zod';

/** How a vendor or client user is linked to an event (`event_access`): read, or write (vendors: tasks and day-of). */
const EVENT_ACCESS_LEVELS = ['read', 'write'] as const;
export type EventAccessLevel = (typeof EVENT_ACCESS_LEVELS)[number];

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
  access: z.enum(EVENT_ACCESS_LEVELS),
  createdAt: z.string(),
});
export type EventAccessEntry = z.infer<typeof ZEventAccessEntry>;
export const ZEventAccessList = z.object({ people: z.array(ZEventAccessEntry) });
