import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

describe('event types the house extends in settings', () => {
  it('lists the built-in functions, lets an admin add one, and leads take only types on the list', async () => {
    const admin = (await t.login('admin@mandap.demo')).auth;
    const manager = (await t.login('manager@mandap.demo')).auth;
    const sales = (await t.login('sales@mandap.demo')).auth;

    const list = await (await t.json('GET', '/api/leads/event-types', undefined, sales)).json();
    expect(list.eventTypes.map((e: { key: string }) => e.key)).toEqual(
      expect.arrayContaining(['mehendi', 'haldi', 'sangeet', 'engagement', 'reception', 'nikah', 'anniversary']),
    );

    // Not on the list yet: refused with the field named, nothing created.
    const before = await countRows(t.deps, 'leads');
    const lead = { name: 'Ritu Agarwal', phone: '98200 44556', eventType: 'tilak' };
    const refused = await t.json('POST', '/api/leads', lead, sales);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields.eventType).toMatch(/not in the house list/);
    expect(await countRows(t.deps, 'leads')).toBe(before);

    // Only settings:manage adds to the list.
    expect((await t.json('POST', '/api/leads/event-types', { label: 'Tilak' }, manager)).status).toBe(403);
    expect((await t.json('POST', '/api/leads/event-types', { label: '' }, admin)).status).toBe(400);
    const added = await t.json('POST', '/api/leads/event-types', { label: 'Tilak' }, admin);
    expect(added.status).toBe(200);
    expect((await added.json()).eventTypes).toContainEqual({ key: 'tilak', label: 'Tilak', builtIn: false });
    expect((await t.json('POST', '/api/leads/event-types', { label: 'TILAK' }, admin)).status).toBe(409);
    expect((await t.json('POST', '/api/leads/event-types', { label: 'Mehendi' }, admin)).status).toBe(409);

    const created = await t.json('POST', '/api/leads', lead, sales);
    expect(created.status).toBe(201);
    const { lead: made } = await created.json();
    expect(made.eventType).toBe('tilak');
    const patched = await t.json('PATCH', `/api/leads/${made.id}`, { eventType: 'jaago' }, sales);
    expect(patched.status).toBe(400);
    expect((await t.json('PATCH', `/api/leads/${made.id}`, { eventType: 'haldi' }, sales)).status).toBe(200);
    // A malformed key never reaches the database.
    expect((await t.json('PATCH', `/api/leads/${made.id}`, { eventType: 'Robert; DROP' }, sales)).status).toBe(400);
  });
});
