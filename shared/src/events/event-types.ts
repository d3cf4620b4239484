import { z } from 'zod';
import { type BuiltInEventType, EVENT_TYPES } from './lifecycle.ts';

/** One entry of the house's event-type list: the built-in functions plus those settings added. */
export interface HouseEventType {
  /** Stored on leads and events: lower-case letters (any script), digits and `_`. */
  key: string;
  label: string;
  builtIn: boolean;
}

const KEY_FORMAT = /^[\p{Ll}\p{Lo}\p{M}\p{N}_]{2,40}$/u;

/** A house event-type key as stored on a lead or an event (the house list decides which exist). */
export const ZEventTypeKey = z
  .string({ error: 'event type must be text' })
  .regex(KEY_FORMAT, { error: 'pick an event type from the house list' });

/** A new house event type, named as people say it ("Tilak", "Jaago", "Sufi night"). */
export const ZAddEventType = z.strictObject({
  label: z
    .string({ error: 'name the event type' })
    .trim()
    .min(2, { error: 'name the event type in at least 2 characters' })
    .max(40, { error: 'use at most 40 characters' })
    .refine((l) => eventTypeKeyOf(l) !== null, { error: 'use letters in the name (e.g. Tilak)' }),
});

export const ZHouseEventTypes = z.object({
  eventTypes: z.array(z.object({ key: z.string(), label: z.string(), builtIn: z.boolean() })),
});

/** "Sufi Night" → `sufi_night`; "मेहंदी" → `मेहंदी`. Null when the label has no letter or digit. */
export function eventTypeKeyOf(label: string): string | null {
  const k = label
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return KEY_FORMAT.test(k) ? k : null;
}

/** How a key reads: `griha_pravesh` → "Griha pravesh". */
function eventTypeLabelOf(key: string): string {
  const s = key.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The built-in list (the common Indian functions included), every house starts with it. */
export const BUILT_IN_EVENT_TYPES: readonly HouseEventType[] = EVENT_TYPES.map((key: BuiltInEventType) => ({
  key,
  label: eventTypeLabelOf(key),
  builtIn: true,
}));

/**
 * The house's event type for a cell or a form value: its key or its label, any case or spacing
 * ("Sufi night", "SUFI_NIGHT"). Null when the house list does not have it.
 */
export function findHouseEventType(list: readonly HouseEventType[], raw: string): HouseEventType | null {
  const k = eventTypeKeyOf(raw);
  if (!k) return null;
  return list.find((t) => t.key === k || eventTypeKeyOf(t.label) === k) ?? null;
}
