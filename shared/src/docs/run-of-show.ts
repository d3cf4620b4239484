import { z } from 'zod';

/** One cue of the run of show; `startMin` counts minutes from midnight (IST) of the event day, may pass 1440. */
export interface CueTiming {
  id: string;
  startMin: number;
}

/** Minutes from midnight → `HH:mm` (24-hour, IST); past midnight shows `+1` day. */
export function formatCueTime(startMin: number): string {
  const day = Math.floor(startMin / 1440);
  const rest = ((startMin % 1440) + 1440) % 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${hh}:${mm}${day > 0 ? ` (+${day})` : ''}`;
}

/**
 * A time of day as typed (`19:30`, `7:45`; 24-hour, IST) → minutes from midnight. The one rule for
 * every time a person types into a day-of document: a cue's start, a vendor's expected arrival.
 */
export const ZClockTime = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'use a time like 19:30' })
  .transform((text) => {
    const [hh, mm] = text.split(':');
    return Number(hh) * 60 + Number(mm);
  });

/** `HH:mm` → minutes from midnight, or null when it is not a time ({@link ZClockTime}). */
export function parseCueTime(text: string): number | null {
  return ZClockTime.safeParse(text).data ?? null;
}

/**
 * Moves one cue to `newStartMin`. With `shiftFollowing`, every cue that started at or after the
 * moved cue's old time (other than it) moves by the same amount, so a late baraat pushes the
 * pheras and dinner with it. Returns only the cues whose start changes.
 */
export function moveCue<T extends CueTiming>(
  cues: readonly T[],
  cueId: string,
  newStartMin: number,
  shiftFollowing: boolean,
): { id: string; startMin: number }[] {
  const moving = cues.find((c) => c.id === cueId);
  if (!moving || !Number.isInteger(newStartMin)) return [];
  const delta = newStartMin - moving.startMin;
  if (delta === 0) return [];
  const changes = [{ id: cueId, startMin: newStartMin }];
  if (!shiftFollowing) return changes;
  for (const cue of cues) {
    if (cue.id !== cueId && cue.startMin >= moving.startMin) {
      changes.push({ id: cue.id, startMin: Math.max(0, cue.startMin + delta) });
    }
  }
  return changes;
}

/** Cues in running order (by time, then id). */
export function sortCues<T extends CueTiming>(cues: readonly T[]): T[] {
  return [...cues].sort((a, b) => a.startMin - b.startMin || (a.id < b.id ? -1 : 1));
}
