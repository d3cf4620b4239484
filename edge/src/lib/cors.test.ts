import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support.ts';

let t: TestApp | undefined;
afterEach(() => t?.cleanup());

const preflight = (app: TestApp, origin: string) =>
  app.json('OPTIONS', '/api/events', undefined, {
    origin,
    'access-control-request-method': 'GET',
    'access-control-request-headers': 'authorization',
  });

describe('CORS (built once per CORS_ORIGINS setting)', () => {
  it('answers a listed origin, with credentials, and not another one', async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://app.example,https://admin.example' });
    for (const origin of ['https://app.example', 'https://admin.example']) {
      const res = await preflight(t, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    }
    const ops = await t.login('ops@mandap.demo');
    const get = await t.json('GET', '/api/events', undefined, { ...ops.auth, origin: 'https://app.example' });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect((await preflight(t, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers when no origin is configured', async () => {
    t = await startTestApp();
    const ops = await t.login('ops@mandap.demo');
    const get = await t.json('GET', '/api/events', undefined, { ...ops.auth, origin: 'https://app.example' });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});
