import { describe, expect, it } from 'vitest';
import { DOMAIN_EVENT_TYPES, DOMAIN_EVENTS, isDomainEventType, parseDomainEvent } from './domain-events.ts';

describe('the domain-event catalogue', () => {
  it('names every event as noun.verb_past in snake case, once', () => {
    for (const type of DOMAIN_EVENT_TYPES) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(new Set(DOMAIN_EVENT_TYPES).size).toBe(Object.keys(DOMAIN_EVENTS).length);
  });

  it('knows its names and refuses others', () => {
    expect(isDomainEventType('quote.sent')).toBe(true);
    expect(isDomainEventType('quote.snet')).toBe(false);
    expect(isDomainEventType('toString')).toBe(false);
  });

  it('reads a stored payload against its schema, keeping extra keys', () => {
    expect(
      parseDomainEvent('lead.created', {
        code: 'LD-2026-0001',
        source: 'website',
        ownerId: null,
        importedFrom: 'x.csv',
      }),
    ).toEqual({ code: 'LD-2026-0001', source: 'website', ownerId: null, importedFrom: 'x.csv' });
    expect(parseDomainEvent('lead.created', { code: 'LD-2026-0001' })).toBeNull();
    expect(
      parseDomainEvent('payment.recorded', {
        eventId: 'e',
        code: 'RCPT/2026-27/0001',
        amountMinor: 1.5,
        currency: 'INR',
      }),
    ).toBeNull();
  });
});
