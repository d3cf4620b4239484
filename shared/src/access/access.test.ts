import { describe, expect, it } from 'vitest';
import { decideDocAccess, decideDocNameAccess } from './docs.ts';
import { redact, redactQuoteVersion } from './fields.ts';
import { ROLES } from './permissions.ts';
import { canSeeEvent, canSeeQuoteVersion, canSeeUnderEvent, EVENT_RECORDS } from './scope.ts';

const EVENT = '0190a0b0-0000-7000-8000-000000000001';
const LEAD = '0190a0b0-0000-7000-8000-000000000002';
const staff = ROLES.filter((r) => r !== 'vendor' && r !== 'client');

describe('one scoping rule', () => {
  it('staff see every event and everything under it, linked or not', () => {
    for (const role of staff) for (const rec of EVENT_RECORDS) expect(canSeeUnderEvent(role, null, rec)).toBe(true);
  });

  it('vendors and clients see nothing of an event they are not linked to', () => {
    for (const role of ['vendor', 'client'] as const) {
      expect(canSeeEvent(role, null)).toBe(false);
      for (const rec of EVENT_RECORDS) expect(canSeeUnderEvent(role, null, rec), `${role} ${rec}`).toBe(false);
    }
  });

  it('a linked vendor never sees the money; a linked client never sees the crew board', () => {
    const link = { access: 'write' } as const;
    for (const rec of ['quote', 'quote_version', 'milestone', 'payment', 'document'] as const)
      expect(canSeeUnderEvent('vendor', link, rec), rec).toBe(false);
    for (const rec of ['brief', 'tasks', 'dayof', 'file'] as const)
      expect(canSeeUnderEvent('vendor', link, rec)).toBe(true);
    for (const rec of ['quote', 'milestone', 'payment', 'document', 'brief'] as const)
      expect(canSeeUnderEvent('client', { access: 'read' }, rec)).toBe(true);
    for (const rec of ['tasks', 'dayof', 'assignees', 'vendor_assignment'] as const)
      expect(canSeeUnderEvent('client', { access: 'read' }, rec), rec).toBe(false);
  });

  it('unknown roles see nothing', () => {
    expect(canSeeUnderEvent('intruder', { access: 'write' }, 'event')).toBe(false);
  });

  it('only staff see draft quote versions', () => {
    expect(canSeeQuoteVersion('sales', 'draft')).toBe(true);
    expect(canSeeQuoteVersion('client', 'draft')).toBe(false);
    expect(canSeeQuoteVersion('client', 'sent')).toBe(true);
  });
});

describe('field visibility', () => {
  const version = {
    id: 'v1',
    draft: { title: 'Sangeet', notes: 'Printed on the quote', negotiationNote: 'client will accept up to 15% more' },
    lines: [{ description: 'Stage', rateMinor: 100, catalogueItemId: 'cat-1' }],
  };

  it('a client never receives the negotiation note or the rate-card link', () => {
    const seen = redactQuoteVersion('client', version);
    expect(JSON.stringify(seen)).not.toContain('15% more');
    expect(seen.draft).toEqual({ title: 'Sangeet', notes: 'Printed on the quote' });
    expect(seen.lines[0]).toEqual({ description: 'Stage', rateMinor: 100 });
  });

  it('staff receive the record unchanged', () => {
    expect(redactQuoteVersion('sales', version)).toBe(version);
  });

  it('a vendor never receives client money', () => {
    const p = redact('vendor', 'payment', { id: 'p', amountMinor: 5, amountInrMinor: 5, mode: 'upi' });
    expect(p).toEqual({ id: 'p', mode: 'upi' });
    expect(redact('vendor', 'event', { id: 'e', clientName: 'Mehta' })).toEqual({ id: 'e' });
  });
});

describe('collab document names', () => {
  it('decides a document name the way the edge decides the event', () => {
    expect(decideDocNameAccess('client', `event:${EVENT}:brief`, { access: 'read' })).toBe('ro');
    expect(decideDocNameAccess('client', `event:${EVENT}:tasks`, { access: 'read' })).toBe('refuse');
    expect(decideDocNameAccess('client', `event:${EVENT}:brief`, null)).toBe('refuse');
    expect(decideDocNameAccess('vendor', `event:${EVENT}:tasks`, { access: 'write' })).toBe('rw');
    expect(decideDocNameAccess('vendor', `event:${EVENT}:brief`, { access: 'write' })).toBe('ro');
    expect(decideDocNameAccess('vendor', `event:${EVENT}:dayof`, { access: 'read' })).toBe('ro');
    expect(decideDocNameAccess('finance', `event:${EVENT}:tasks`, null)).toBe('ro');
    expect(decideDocNameAccess('operations', `event:${EVENT}:tasks`, null)).toBe('rw');
    expect(decideDocNameAccess('sales', `lead:${LEAD}:brief`, null)).toBe('rw');
    expect(decideDocNameAccess('vendor', `lead:${LEAD}:brief`, { access: 'write' })).toBe('refuse');
    expect(decideDocNameAccess('sales', 'event:not-a-uuid:brief', null)).toBe('refuse');
  });

  it('keeps the document rule the collab-server used before', () => {
    expect(decideDocAccess('manager', null, 'dayof')).toBe('rw');
    expect(decideDocAccess('client', { access: 'write' }, 'dayof')).toBe('refuse');
  });
});
