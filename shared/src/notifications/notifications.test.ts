import { describe, expect, it } from 'vitest';
import { MOMENTS, momentsFor } from './moments.ts';
import { backoffMs, consentKeyword, consentRefusal, isInsideServiceWindow, mergeProviderStatus } from './rules.ts';
import { renderTemplate, TEMPLATES, templateOf } from './templates.ts';

describe('templates', () => {
  it('renders every template with its own sample data, and every body uses exactly its variables', () => {
    for (const tpl of TEMPLATES) {
      const r = renderTemplate(tpl, tpl.sample);
      expect(r.ok, tpl.key).toBe(true);
      const used = new Set([...`${tpl.subject ?? ''} ${tpl.body}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
      expect([...used].sort(), tpl.key).toEqual([...tpl.variables].sort());
    }
  });

  it('refuses a message with a missing or blank variable, naming each one', () => {
    const r = renderTemplate(templateOf('payment_link')!, { name: 'Asha', milestone: 'Advance', amount: '  ' });
    expect(r).toEqual({
      ok: false,
      missing: ['amount', 'link'],
      message: 'Template payment_link is missing {{amount}}, {{link}}',
    });
  });

  it('gives the provider the values in the template’s variable order', () => {
    const r = renderTemplate(templateOf('booking_confirmed')!, {
      eventDate: '14/02/2027',
      name: 'Asha',
      eventName: 'Sangeet',
    });
    expect(r.ok && r.values).toEqual(['Asha', 'Sangeet', '14/02/2027']);
  });
});

describe('moments', () => {
  it('every moment names a template in the library, and keys are unique', () => {
    for (const m of MOMENTS) expect(templateOf(m.template), m.key).toBeDefined();
    expect(new Set(MOMENTS.map((m) => m.key)).size).toBe(MOMENTS.length);
  });

  it('matches a domain event by type and payload conditions', () => {
    expect(momentsFor('communication.logged', { kind: 'call' }).map((m) => m.key)).toEqual(['call_follow_up']);
    expect(momentsFor('communication.logged', { kind: 'note' })).toEqual([]);
    expect(momentsFor('event.status_changed', { to: 'completed' }).map((m) => m.key)).toEqual(['event_completed']);
    expect(momentsFor('event.status_changed', { to: 'event_day' })).toEqual([]);
  });
});

describe('delivery rules', () => {
  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(3_600_000);
  });

  it('keeps the furthest provider status; failed wins whenever it comes', () => {
    expect(mergeProviderStatus('read', 'delivered')).toBe('read');
    expect(mergeProviderStatus('sent', 'read')).toBe('read');
    expect(mergeProviderStatus('delivered', 'failed')).toBe('failed');
    expect(mergeProviderStatus('failed', 'read')).toBe('failed');
    expect(mergeProviderStatus(null, 'delivered')).toBe('delivered');
  });

  it('opens free text only within 24 hours of the contact’s last message', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    expect(isInsideServiceWindow('2026-11-29T10:00:01Z', now)).toBe(true);
    expect(isInsideServiceWindow('2026-11-29T10:00:00Z', now)).toBe(false);
    expect(isInsideServiceWindow(null, now)).toBe(false);
  });

  it('reads STOP and START, and holds non-essential and marketing messages by consent', () => {
    expect(consentKeyword(' stop ')).toBe('stop');
    expect(consentKeyword('Start!')).toBe('start');
    expect(consentKeyword('stop calling me at night')).toBeNull();
    expect(consentRefusal('opted_out', 'utility', false)).toMatch(/opted out/);
    expect(consentRefusal('opted_out', 'utility', true)).toBeNull();
    expect(consentRefusal('unknown', 'marketing', false)).toMatch(/opt-in/);
    expect(consentRefusal('opted_in', 'marketing', false)).toBeNull();
  });
});
