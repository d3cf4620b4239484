import { describe, expect, it } from 'vitest';
import {
  DOMAIN_EVENT_TYPES,
  DOMAIN_EVENTS,
  domainEventPayloadProblem,
  isDomainEventType,
  parseDomainEvent,
} from './domain-events.ts';

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

  it('says what is wrong with a payload a writer is about to record, field by field', () => {
    expect(domainEventPayloadProblem('quote.sent', { version: 2, versionId: 'v', totalMinor: 150_000 })).toBeNull();
    expect(domainEventPayloadProblem('quote.sent', { version: 2, versionId: 'v' })).toMatch(/^totalMinor: /);
    expect(
      domainEventPayloadProblem('payment.recorded', {
        eventId: 'e',
        code: 'R',
        amountMinor: 1,
        currency: 'XYZ',
        mode: 'upi',
      }),
    ).toMatch(/^currency: /);
    expect(domainEventPayloadProblem('quote.snet', {})).toBe('quote.snet is not a domain event in the catalogue');
  });

  it('names every key of a payload: one it does not name is refused', () => {
    expect(domainEventPayloadProblem('user.deactivated', {})).toBeNull();
    expect(domainEventPayloadProblem('user.deactivated', { password: 'x' })).toMatch(/password/);
    expect(domainEventPayloadProblem('lead.assigned', { from: null, to: 'u1', note: 'hi' })).toMatch(/note/);
    // Every schema is a closed object, so no writer can slip in a key nobody reads (or a secret).
    for (const type of DOMAIN_EVENT_TYPES) {
      const problem = domainEventPayloadProblem(type, { notInTheCatalogue: 1 });
      expect(problem, type).toMatch(/notInTheCatalogue/);
    }
  });
});
