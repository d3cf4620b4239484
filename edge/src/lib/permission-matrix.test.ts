import { hasPermission, type Permission, ROLES, type Role } from '@mandap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../seed/demo-data.ts';
import { startTestApp, type TestApp } from '../test-support.ts';

/**
 * Each role against each route, for its own and for foreign records. Expected answers
 * come from the permission table in shared/: allowed → 2xx, not allowed → 403, and a
 * vendor's or client's view of an event they are not linked to → 404 (not 403, so the
 * answer does not reveal that it exists).
 */
let t: TestApp;
const tokens = new Map<Role, Record<string, string>>();
let ownEventId = '';
let foreignEventId = '';
let someUserId = '';

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    tokens.set(role, (await t.login(user.email)).auth);
  }
  const access = await t.deps.db.$client.execute(
    "SELECT ea.event_id FROM event_access ea JOIN users u ON u.id = ea.user_id WHERE u.email = 'client@mandap.demo'",
  );
  ownEventId = String(access.rows[0]!.event_id);
  const foreign = await t.deps.db.$client.execute({
    sql: 'SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_access) LIMIT 1',
    args: [],
  });
  foreignEventId = String(foreign.rows[0]!.id);
  const u = await t.deps.db.$client.execute("SELECT id FROM users WHERE email = 'kavya@mandap.demo'");
  someUserId = String(u.rows[0]!.id);
});
afterAll(() => t.cleanup());

interface Probe {
  name: string;
  permission: Permission;
  method: string;
  path: () => string;
  body?: () => unknown;
  /** For vendor/client: the record is not theirs, so a permitted role still gets 404. */
  foreignForScoped?: boolean;
}

const probes: Probe[] = [
  { name: 'list leads', permission: 'leads:read', method: 'GET', path: () => '/api/leads' },
  { name: 'list users', permission: 'users:manage', method: 'GET', path: () => '/api/users' },
  {
    name: 'rename a user',
    permission: 'users:manage',
    method: 'PATCH',
    path: () => `/api/users/${someUserId}`,
    body: () => ({ name: 'Kavya Reddy' }),
  },
  { name: 'list events', permission: 'events:read', method: 'GET', path: () => '/api/events' },
  { name: 'read own event', permission: 'events:read', method: 'GET', path: () => `/api/events/${ownEventId}` },
  {
    name: 'read foreign event',
    permission: 'events:read',
    method: 'GET',
    path: () => `/api/events/${foreignEventId}`,
    foreignForScoped: true,
  },
];

describe.each(ROLES)('%s', (role) => {
  it.each(probes)('$name', async (probe) => {
    const res = await t.json(probe.method, probe.path(), probe.body?.(), tokens.get(role)!);
    const scoped = role === 'vendor' || role === 'client';
    if (!hasPermission(role, probe.permission)) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    } else if (probe.foreignForScoped && scoped) {
      expect(res.status).toBe(404);
    } else {
      expect(res.status).toBe(200);
    }
  });
});

describe('scoped users see only their own events', () => {
  it('the client lists exactly the one event they are linked to', async () => {
    const res = await t.json('GET', '/api/events', undefined, tokens.get('client')!);
    const { events } = await res.json();
    expect(events.map((e: { id: string }) => e.id)).toEqual([ownEventId]);
  });

  it('the vendor lists their two events; staff list all ten', async () => {
    const vendor = await (await t.json('GET', '/api/events', undefined, tokens.get('vendor')!)).json();
    expect(vendor.events).toHaveLength(2);
    const ops = await (await t.json('GET', '/api/events', undefined, tokens.get('operations')!)).json();
    expect(ops.events).toHaveLength(10);
  });
});
