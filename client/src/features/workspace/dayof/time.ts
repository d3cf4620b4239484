import { indiaMinuteOfDay, indiaTimeOfDay } from '@mandap/shared/time';

/** Minutes since midnight in Asia/Kolkata, now. */
export const nowMinutesIST = (now: Date = new Date()): number => indiaMinuteOfDay(now) ?? 0;

/** An ISO instant as HH:mm in IST. */
export const timeIST = (iso: string): string => indiaTimeOfDay(iso);
