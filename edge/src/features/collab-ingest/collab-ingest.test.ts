import { collabInternalSecret } from '@mandap/shared/collab';
import { parseDomainEvent } from '@mandap/shared/journal';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
let auth: Record<string, string>;
let eventId: string;

beforeEach(async () => {
  t = await startTestApp();
  auth = { authorization: `Bearer ${await collabInternalSecret(t.deps.env.JWT_SECRET)}` };
  const rs = await t.deps.db.$client.execute('SELECT id FROM events ORDER BY id LIMIT 1');
  eventId = String(rs.rows[0]?.id);
});
afterEach(() => t.cleanup());

const task = (over: Record<string, unknown> = {}) => ({
  taskId: 'task-1',
  title: 'Confirm the florist',
  assigneeId: null,
  assigneeName: null,
  due: '2026-12-01',
  priority: 'high',
  status: 'todo',
  statusLabel: 'To do',
  isDone: false,
  parentId: null,
  ...over,
});

describe('POST /api/internal/collab/projections', () => {
  it('refuses callers without the internal secret, and a user’s access token', async () => {
    const body = { items: [{ kind: 'tasks', eventId, actorId: null, rows: [task()] }] };
    expect((await t.json('POST', '/api/internal/collab/projections', body)).status).toBe(401);
    const admin = await t.login('admin@mandap.demo');
    expect((await t.json('POST', '/api/internal/collab/projections', body, admin.auth)).status).toBe(401);
    expect(await countRows(t.deps, 'task_projections')).toBe(0);
  });

  it('names the bad field and changes nothing', async () => {
    const res = await t.json(
      'POST',
      '/api/internal/collab/projections',
      { items: [{ kind: 'tasks', eventId, actorId: null, rows: [task({ isDone: 'yes' })] }] },
      auth,
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('items.0.rows.0.isDone');
    expect(await countRows(t.deps, 'task_projections')).toBe(0);
  });

  it('applies a batch, and the same batch again changes nothing and notifies nobody twice', async () => {
    const ops = await t.login('ops@mandap.demo');
    const manager = await t.login('manager@mandap.demo');
    const body = {
      items: [
        {
          kind: 'tasks',
          eventId,
          actorId: manager.userId,
          rows: [task({ assigneeId: ops.userId, assigneeName: 'Sneha Iyer' })],
        },
        { kind: 'checklists', eventId, rows: [{ checklistId: 'c1', title: 'Stage', done: 1, total: 2 }] },
      ],
    };
    const assignedLines = () =>
      t.deps.db.$client.execute("SELECT count(*) AS n FROM event_log WHERE type = 'task.assigned'");
    const first = await t.json('POST', '/api/internal/collab/projections', body, auth);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ applied: 2, assigned: 1 });
    const again = await t.json('POST', '/api/internal/collab/projections', body, auth);
    expect(await again.json()).toEqual({ applied: 2, assigned: 0 });
    expect(Number((await assignedLines()).rows[0]?.n)).toBe(1);
    expect(await countRows(t.deps, 'task_projections')).toBe(1);
    expect(await countRows(t.deps, 'checklist_projections')).toBe(1);
    const notices = await t.deps.db.$client.execute(
      "SELECT recipient FROM notification_outbox WHERE template = 'task_assigned'",
    );
    expect(notices.rows.map((r) => r.recipient)).toEqual([ops.userId]);

    const mine = await t.json('GET', '/api/workspace/my-tasks?include=all', undefined, ops.auth);
    expect(((await mine.json()) as { tasks: { title: string }[] }).tasks).toEqual([
      expect.objectContaining({ title: 'Confirm the florist' }),
    ]);
  });

  it('journals what the collab server sends through the one writer, typed by the catalogue', async () => {
    const ops = await t.login('ops@mandap.demo');
    const manager = await t.login('manager@mandap.demo');
    // What a peer may put in a shared document, as far as the boundary allows: a free-text due and a long title.
    const title = 'Flowers '.repeat(240).trim();
    const post = (rows: unknown[]) =>
      t.json(
        'POST',
        '/api/internal/collab/projections',
        { items: [{ kind: 'tasks', eventId, actorId: manager.userId, rows }] },
        auth,
      );
    expect(
      (await post([task({ assigneeId: manager.userId, assigneeName: 'Kavya', due: 'before haldi' })])).status,
    ).toBe(200);
    const res = await post([task({ title, assigneeId: ops.userId, assigneeName: 'Sneha Iyer', due: 'before haldi' })]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ applied: 1, assigned: 1 });
    const rs = await t.deps.db.$client.execute(
      `SELECT e.type, e.payload, e.actor_id, a.before, a.after FROM event_log e
         JOIN audit_log a ON a.event_id = e.id
        WHERE e.type = 'task.assigned' AND e.aggregate_id = 'task-1' ORDER BY e.seq`,
    );
    expect(rs.rows).toHaveLength(2);
    const last = rs.rows[1]!;
    // The payload reads back against the catalogue's schema, every key named there.
    expect(parseDomainEvent('task.assigned', JSON.parse(String(last.payload)))).toEqual({
      eventId,
      taskId: 'task-1',
      title,
      assigneeId: ops.userId,
      assigneeName: 'Sneha Iyer',
      previousAssigneeId: manager.userId,
      due: 'before haldi',
    });
    expect(last.actor_id).toBe(manager.userId);
    expect(JSON.parse(String(last.before))).toEqual({ assigneeId: manager.userId });
  });
});
