import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const sqlOf = (t: TestApp) => t.deps.db.$client;

async function firstEvents(n: number): Promise<string[]> {
  const rs = await sqlOf(t).execute(`SELECT id FROM events ORDER BY start_date LIMIT ${n}`);
  return rs.rows.map((r) => String(r.id));
}

async function project(eventId: string, taskId: string, fields: Record<string, unknown>) {
  const row = {
    title: 'Task',
    assignee_id: null,
    assignee_name: null,
    due: null,
    priority: 'medium',
    status: 'todo',
    status_label: 'To do',
    is_done: 0,
    parent_id: null,
    ...fields,
  };
  await sqlOf(t).execute({
    sql: `INSERT INTO task_projections (event_id, task_id, title, assignee_id, assignee_name, due, priority, status,
          status_label, is_done, parent_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      eventId,
      taskId,
      row.title as string,
      row.assignee_id as string | null,
      row.assignee_name as string | null,
      row.due as string | null,
      row.priority as string,
      row.status as string,
      row.status_label as string,
      row.is_done as number,
      row.parent_id as string | null,
      new Date().toISOString(),
    ],
  });
}

describe('workspace', () => {
  it('tells the client where the collab-server is, without signing in', async () => {
    const res = await t.json('GET', '/api/config');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ collabUrl: 'ws://localhost:1234/collab' });
  });

  it('uses COLLAB_PUBLIC_URL when it is set', async () => {
    const other = await startTestApp({ COLLAB_PUBLIC_URL: 'wss://collab.mandap.example/collab/' });
    try {
      expect(await (await other.json('GET', '/api/config')).json()).toEqual({
        collabUrl: 'wss://collab.mandap.example/collab',
      });
    } finally {
      other.cleanup();
    }
  });

  it('lists my open tasks across events, soonest due first; others and done tasks stay out', async () => {
    const ops = await t.login('ops@mandap.demo');
    const sales = await t.login('sales@mandap.demo');
    const [e1, e2] = await firstEvents(2);
    if (!e1 || !e2) throw new Error('demo seed has fewer than two events');
    await project(e1, 'a', { title: 'Confirm florist', assignee_id: ops.userId, due: '2026-12-02' });
    await project(e2, 'b', { title: 'Book dhol', assignee_id: ops.userId, due: '2026-11-20' });
    await project(e2, 'c', { title: 'Undated', assignee_id: ops.userId });
    await project(e1, 'd', { title: 'Finished', assignee_id: ops.userId, is_done: 1, status: 'done' });
    await project(e1, 'e', { title: 'Not mine', assignee_id: sales.userId });

    const res = await t.json('GET', '/api/workspace/my-tasks', undefined, ops.auth);
    expect(res.status).toBe(200);
    const { tasks } = (await res.json()) as { tasks: { title: string; eventName: string }[] };
    expect(tasks.map((x) => x.title)).toEqual(['Book dhol', 'Confirm florist', 'Undated']);
    expect(tasks[0]?.eventName).toBeTruthy();

    const all = await t.json('GET', '/api/workspace/my-tasks?include=all', undefined, ops.auth);
    expect(((await all.json()) as { tasks: unknown[] }).tasks).toHaveLength(4);
  });

  it('refuses a bad filter with a readable message, and roles without tasks:read', async () => {
    const ops = await t.login('ops@mandap.demo');
    const bad = await t.json('GET', '/api/workspace/my-tasks?include=everything', undefined, ops.auth);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('include');
    const finance = await t.login('finance@mandap.demo');
    expect((await t.json('GET', '/api/workspace/my-tasks', undefined, finance.auth)).status).toBe(403);
  });

  it('a vendor sees only tasks on events they are linked to', async () => {
    const vendor = await t.login('vendor@mandap.demo');
    const linked = await sqlOf(t).execute({
      sql: 'SELECT event_id FROM event_access WHERE user_id = ?',
      args: [vendor.userId],
    });
    const linkedId = String(linked.rows[0]?.event_id ?? '');
    const other = (await firstEvents(10)).find((id) => id !== linkedId);
    if (!linkedId || !other) throw new Error('demo seed lacks a linked and an unlinked event');
    await project(linkedId, 'v1', { title: 'Deliver chairs', assignee_id: vendor.userId });
    await project(other, 'v2', { title: 'Leaked', assignee_id: vendor.userId });
    const res = await t.json('GET', '/api/workspace/my-tasks', undefined, vendor.auth);
    const { tasks } = (await res.json()) as { tasks: { title: string }[] };
    expect(tasks.map((x) => x.title)).toEqual(['Deliver chairs']);
  });

  it('lists active staff to assign tasks to, not vendors or clients', async () => {
    const ops = await t.login('ops@mandap.demo');
    const res = await t.json('GET', '/api/workspace/assignees', undefined, ops.auth);
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as { people: { role: string }[] };
    expect(people.length).toBeGreaterThan(3);
    expect(people.every((p) => !['vendor', 'client'].includes(p.role))).toBe(true);
  });
});
