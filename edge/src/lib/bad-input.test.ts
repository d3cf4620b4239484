import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../test-support.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = await t.login('admin@mandap.demo');
});
afterAll(() => t.cleanup());

const invite = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  t.app.request('/api/users', { method: 'POST', body, headers: { ...admin.auth, ...headers } });

describe('bad input is refused with a 4xx that says what to fix, and nothing is written', () => {
  it('malformed JSON', async () => {
    const before = await countRows(t.deps, 'users');
    const res = await invite('{"email": "a@b.in", "name": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_json', message: expect.stringMatching(/not valid JSON/) },
    });
    expect(await countRows(t.deps, 'users')).toBe(before);
  });

  it('a mistyped field name', async () => {
    const before = await countRows(t.deps, 'users');
    const res = await invite(JSON.stringify({ emial: 'a@b.in', email: 'new@b.in', name: 'New Person', role: 'sales' }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ emial: 'unknown field: check its spelling' });
    expect(error.message).toMatch(/emial/);
    expect(await countRows(t.deps, 'users')).toBe(before);
  });

  it('wrong types and values name each field', async () => {
    const res = await invite(JSON.stringify({ email: 'not-an-email', name: 'X', role: 'boss' }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'name', 'role']);
    expect(error.fields.role).toMatch(/role must be one of/);
    expect(error.fields.email).toMatch(/valid email/);
  });

  it('an oversized body', async () => {
    const before = await countRows(t.deps, 'users');
    const res = await invite(JSON.stringify({ email: 'big@b.in', name: 'x'.repeat(10_000), role: 'sales' }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(await countRows(t.deps, 'users')).toBe(before);
  });

  it('a body sent without a JSON content type', async () => {
    const res = await invite(JSON.stringify({ email: 'ct@b.in', name: 'Content Type', role: 'sales' }), {
      'content-type': 'text/plain',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/Content-Type: application\/json/);
  });

  it('a bad id in the path', async () => {
    const res = await t.json('GET', '/api/events/not-a-uuid', undefined, admin.auth);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ id: 'must be an id (UUID)' });
  });

  it('an unknown query parameter value', async () => {
    const res = await t.json('GET', '/api/leads?stage=maybe', undefined, admin.auth);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.stage).toBeTruthy();
  });

  it('an unknown API route answers JSON 404', async () => {
    const res = await t.json('GET', '/api/nope', undefined, admin.auth);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('every answer carries a request id, and errors repeat it in the body', async () => {
    const res = await t.json('GET', '/api/events/not-a-uuid', undefined, admin.auth);
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect((await res.json()).error.requestId).toBe(id);
  });
});
