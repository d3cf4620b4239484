import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

async function userId(email: string) {
  const rs = await t.deps.db.$client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [email] });
  return String(rs.rows[0]!.id);
}

describe('users admin', () => {
  it('invites a user: invited status, link in the outbox, audit and domain event; they accept and sign in', async () => {
    const admin = await t.login('admin@mandap.demo');
    const res = await t.json(
      'POST',
      '/api/users',
      { email: 'Meher@Gulmohar.in', name: 'Meher Batra', role: 'operations' },
      admin.auth,
    );
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user).toMatchObject({ email: 'meher@gulmohar.in', role: 'operations', status: 'invited' });

    const outbox = await t.deps.db.$client.execute("SELECT payload FROM notification_outbox WHERE template = 'invite'");
    const link = JSON.parse(String(outbox.rows[0]!.payload)).link as string;
    expect(link).toContain('/accept-invite?token=');
    const audit = await t.deps.db.$client.execute({
      sql: 'SELECT action, actor_id, after FROM audit_log WHERE entity_id = ?',
      args: [user.id],
    });
    expect(audit.rows[0]).toMatchObject({ action: 'user.invited', actor_id: admin.userId });
    expect(JSON.parse(String(audit.rows[0]!.after))).toMatchObject({ role: 'operations', status: 'invited' });

    const token = new URL(link).searchParams.get('token')!;
    expect((await t.json('POST', '/api/auth/invite/accept', { token, newPassword: 'meher chose this' })).status).toBe(
      200,
    );
    const session = await t.login('meher@gulmohar.in', 'meher chose this');
    expect((await t.json('GET', '/api/events', undefined, session.auth)).status).toBe(200);
  });

  it('refuses to invite an email that already has an account', async () => {
    const admin = await t.login('admin@mandap.demo');
    const before = await countRows(t.deps, 'users');
    const res = await t.json(
      'POST',
      '/api/users',
      { email: 'ops@mandap.demo', name: 'Dup', role: 'sales' },
      admin.auth,
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/already has an account/);
    expect(await countRows(t.deps, 'users')).toBe(before);
  });

  it('a manager cannot grant super_admin nor touch a super admin; a super admin can', async () => {
    const manager = await t.login('manager@mandap.demo');
    const invite = await t.json(
      'POST',
      '/api/users',
      { email: 'x@y.in', name: 'New Boss', role: 'super_admin' },
      manager.auth,
    );
    expect(invite.status).toBe(403);
    expect((await invite.json()).error.message).toMatch(/cannot give the super_admin role/);
    const adminId = await userId('admin@mandap.demo');
    expect((await t.json('POST', `/api/users/${adminId}/deactivate`, undefined, manager.auth)).status).toBe(403);

    const admin = await t.login('admin@mandap.demo');
    const salesId = await userId('sales@mandap.demo');
    const res = await t.json('PATCH', `/api/users/${salesId}`, { role: 'manager' }, admin.auth);
    expect(res.status).toBe(200);
    expect((await res.json()).user.role).toBe('manager');
  });

  it('a role change takes effect at once: the old token stops, a new login carries the new role', async () => {
    const admin = await t.login('admin@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    expect((await t.json('GET', '/api/users', undefined, sales.auth)).status).toBe(403);
    await t.json('PATCH', `/api/users/${sales.userId}`, { role: 'manager' }, admin.auth);
    expect((await t.json('GET', '/api/leads', undefined, sales.auth)).status).toBe(401);
    const promoted = await t.login('sales@mandap.demo');
    expect((await t.json('GET', '/api/users', undefined, promoted.auth)).status).toBe(200);
    const events = await t.deps.db.$client.execute({
      sql: "SELECT payload FROM event_log WHERE type = 'user.role_changed' AND aggregate_id = ?",
      args: [sales.userId],
    });
    expect(JSON.parse(String(events.rows[0]!.payload))).toEqual({ from: 'sales', to: 'manager' });
  });

  it('nobody can deactivate themselves or change their own role', async () => {
    const admin = await t.login('admin@mandap.demo');
    expect((await t.json('POST', `/api/users/${admin.userId}/deactivate`, undefined, admin.auth)).status).toBe(403);
    expect((await t.json('PATCH', `/api/users/${admin.userId}`, { role: 'sales' }, admin.auth)).status).toBe(403);
  });

  it('deactivate then reactivate restores sign-in', async () => {
    const admin = await t.login('admin@mandap.demo');
    const id = await userId('finance@mandap.demo');
    const off = await t.json('POST', `/api/users/${id}/deactivate`, undefined, admin.auth);
    expect((await off.json()).user.status).toBe('deactivated');
    const on = await t.json('POST', `/api/users/${id}/reactivate`, undefined, admin.auth);
    expect((await on.json()).user.status).toBe('active');
    await t.login('finance@mandap.demo');
  });

  it('an empty update is refused', async () => {
    const admin = await t.login('admin@mandap.demo');
    const id = await userId('finance@mandap.demo');
    const res = await t.json('PATCH', `/api/users/${id}`, {}, admin.auth);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/nothing to change/);
  });

  it('a missing user is a 404', async () => {
    const admin = await t.login('admin@mandap.demo');
    const res = await t.json(
      'POST',
      '/api/users/0192f000-0000-7000-8000-000000000000/deactivate',
      undefined,
      admin.auth,
    );
    expect(res.status).toBe(404);
  });
});
