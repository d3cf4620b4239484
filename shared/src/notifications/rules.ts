import type { TemplateCategory } from './templates.ts';

/** Exponential backoff: 30 s, 1 min, 2 min, 4 min … capped at 1 hour. */
export function backoffMs(attempt: number, baseMs = 30_000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

const PROVIDER_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
const RANK: Record<Exclude<ProviderStatus, 'failed'>, number> = { sent: 1, delivered: 2, read: 3 };

/**
 * Statuses arrive out of order ("delivered" may be skipped, "failed" may follow "delivered").
 * The stored status is the furthest one; a failure wins and stays.
 */
export function mergeProviderStatus(current: ProviderStatus | null, incoming: ProviderStatus): ProviderStatus {
  if (current === 'failed' || incoming === 'failed') return 'failed';
  if (!current) return incoming;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/** WhatsApp's customer-service window: free text only within 24 hours of the contact's last message. */
const SERVICE_WINDOW_MS = 24 * 3_600_000;

export function isInsideServiceWindow(lastInboundAt: string | null, now: Date): boolean {
  if (!lastInboundAt) return false;
  return now.getTime() - new Date(lastInboundAt).getTime() < SERVICE_WINDOW_MS;
}

export function serviceWindowReason(lastInboundAt: string | null, now: Date): string | null {
  if (isInsideServiceWindow(lastInboundAt, now)) return null;
  return lastInboundAt
    ? 'More than 24 hours since the contact last wrote: WhatsApp allows only an approved template until they write again.'
    : 'The contact has never written to us: WhatsApp allows only an approved template until they do.';
}

export type Consent = 'unknown' | 'opted_in' | 'opted_out';

/** STOP / START keywords (and common variants) in an inbound message. */
export function consentKeyword(text: string): 'stop' | 'start' | null {
  const w = text
    .trim()
    .toUpperCase()
    .replace(/[.!]+$/, '');
  if (['STOP', 'UNSUBSCRIBE', 'STOP ALL', 'OPT OUT', 'OPTOUT'].includes(w)) return 'stop';
  if (['START', 'SUBSCRIBE', 'OPT IN', 'OPTIN', 'YES'].includes(w)) return 'start';
  return null;
}

/**
 * Whether a WhatsApp message may go to a contact: an opted-out contact gets only essential
 * messages; marketing needs an explicit opt-in.
 */
export function consentRefusal(consent: Consent, category: TemplateCategory, essential: boolean): string | null {
  if (consent === 'opted_out' && !essential) return 'not sent: the contact opted out of WhatsApp messages';
  if (category === 'marketing' && consent !== 'opted_in')
    return 'not sent: marketing messages need the contact’s opt-in';
  return null;
}
