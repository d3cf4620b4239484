import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { newId } from '@mandap/shared/common';
import { dayofDoc, formatDocName, tasksDoc } from '@mandap/shared/docs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../edge/src/test-support.ts';
import type { CollabServer } from './server.ts';
import { startCollabServer } from './server.ts';
import { closeClient, connectClient, waitFor } from './test-support.ts';

describe('projections into the edge database', () => {
  let edge: TestApp;
  let server: CollabServer;
  let eventId: string;
  let edgeServer: ReturnType<typeof serve>;
  let edgeUrl: string;

  beforeEach(async () => {
    edge = await startTestApp();
    // The real edge on a real port: projections reach its tables only through its internal endpoint.
    await new Promise<void>((resolve) => {
      edgeServer = serve({ fetch: edge.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        edgeUrl = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    const rs = await edge.deps.db.$client.execute('SELECT id FROM events ORDER BY start_date LIMIT 1');
    eventId = String(rs.rows[0]?.id);
    server = await startCollabServer({
      port: 0,
      host: '127.0.0.1',
      jwtSecret: 'test-secret-test-secret-test-secret-42',
      edgeDatabaseUrl: `file:${edge.dir}/test.db`,
      collabDatabaseUrl: `file:${edge.dir}/collab.db`,
      projectionDelayMs: 20,
      edgeUrl,
    });
  });
  afterEach(async () => {
    await server.close();
    await new Promise<void>((resolve) => edgeServer.close(() => resolve()));
    edge.cleanup();
  });

  const sql = (q: string, args: (string | number)[] = []) => edge.deps.db.$client.execute({ sql: q, args });

  it('projects task fields, and an assignment becomes a task.assigned event the edge serves as my tasks', async () => {
    const manager = await edge.login('manager@mandap.demo');
    const ops = await edge.login('ops@mandap.demo');
    const client = await connectClient(server.port, formatDocName(eventId, 'tasks'), manager.token);
    const board = tasksDoc(client.doc);
    board.ensureColumns();
    const taskId = newId();
    board.tasks.put({
      id: taskId,
      title: 'Confirm the florist',
      status: 'todo',
      priority: 'high',
      assigneeId: null,
      assigneeName: null,
      due: '2026-12-01',
      parentId: null,
      order: 'a0',
      createdAt: new Date().toISOString(),
      createdBy: manager.userId,
    });
    await waitFor(
      async () => (await sql('SELECT 1 FROM task_projections WHERE task_id = ?', [taskId])).rows.length === 1,
    );

    board.tasks.patch(taskId, { assigneeId: ops.userId, assigneeName: 'Sneha Iyer' });
    await waitFor(async () => (await sql("SELECT 1 FROM event_log WHERE type = 'task.assigned'")).rows.length === 1);
    const event = (await sql("SELECT aggregate_id, actor_id, payload FROM event_log WHERE type = 'task.assigned'"))
      .rows[0];
    expect(event?.aggregate_id).toBe(taskId);
    expect(event?.actor_id).toBe(manager.userId);
    expect(JSON.parse(String(event?.payload))).toMatchObject({
      eventId,
      assigneeId: ops.userId,
      title: 'Confirm the florist',
    });
    const audit = await sql("SELECT actor_id FROM audit_log WHERE action = 'task.assigned' AND entity_id = ?", [
      taskId,
    ]);
    expect(audit.rows).toHaveLength(1);
    // The new assignee hears about it in the app, once.
    const notices = await sql(
      "SELECT recipient, payload, dedupe_key FROM notification_outbox WHERE template = 'task_assigned' AND channel = 'in_app'",
    );
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0]?.recipient).toBe(ops.userId);
    expect(JSON.parse(String(notices.rows[0]?.payload))).toMatchObject({
      taskId,
      link: expect.stringContaining(eventId),
    });
    expect(String(notices.rows[0]?.dedupe_key)).toContain(`task.assigned:${eventId}:${taskId}:${ops.userId}:`);

    // A retitle is projected but is not a new assignment.
    board.tasks.patch(taskId, { title: 'Confirm the florist (mogra)', status: 'done' });
    await waitFor(
      async () =>
        (await sql('SELECT is_done FROM task_projections WHERE task_id = ?', [taskId])).rows[0]?.is_done === 1,
    );
    expect((await sql("SELECT 1 FROM event_log WHERE type = 'task.assigned'")).rows).toHaveLength(1);

    const res = await edge.json('GET', '/api/workspace/my-tasks?include=all', undefined, ops.auth);
    const { tasks } = (await res.json()) as { tasks: { title: string; statusLabel: string; isDone: boolean }[] };
    expect(tasks).toEqual([
      expect.objectContaining({ title: 'Confirm the florist (mogra)', statusLabel: 'Done', isDone: true }),
    ]);

    board.tasks.remove(taskId);
    await waitFor(
      async () => (await sql('SELECT 1 FROM task_projections WHERE task_id = ?', [taskId])).rows.length === 0,
    );
    closeClient(client);
  });

  it('re-projects a document when it is loaded again, healing a projection lost in a crash', async () => {
    await server.close();
    server = await startCollabServer({
      port: 0,
      host: '127.0.0.1',
      jwtSecret: 'test-secret-test-secret-test-secret-42',
      edgeDatabaseUrl: `file:${edge.dir}/test.db`,
      collabDatabaseUrl: `file:${edge.dir}/collab.db`,
      projectionDelayMs: 20,
      idleUnloadMs: 50,
      edgeUrl,
    });
    const manager = await edge.login('manager@mandap.demo');
    const sales = await edge.login('sales@mandap.demo');
    const room = formatDocName(eventId, 'tasks');
    const first = await connectClient(server.port, room, manager.token);
    const taskId = newId();
    tasksDoc(first.doc).tasks.put({
      id: taskId,
      title: 'Book the shehnai',
      status: 'todo',
      priority: 'medium',
      assigneeId: sales.userId,
      assigneeName: 'Aditya Kulkarni',
      due: null,
      parentId: null,
      order: 'a0',
      createdAt: new Date().toISOString(),
      createdBy: manager.userId,
    });
    const projected = async () => (await sql('SELECT 1 FROM task_projections WHERE task_id = ?', [taskId])).rows.length;
    await waitFor(async () => (await projected()) === 1);
    closeClient(first);
    await waitFor(() => server.metrics().documentsLoaded === 0, 5_000, 'the idle document unloads');

    // As if the process had died between committing an update and projecting it.
    await sql('DELETE FROM task_projections WHERE task_id = ?', [taskId]);
    await sql("DELETE FROM notification_outbox WHERE template = 'task_assigned'");
    const again = await connectClient(server.port, room, manager.token);
    await waitFor(async () => (await projected()) === 1, 5_000, 're-projection on load');
    // The assignment is seen again as new (its row was lost), so the assignee is told again, once.
    await waitFor(
      async () => (await sql("SELECT 1 FROM notification_outbox WHERE template = 'task_assigned'")).rows.length === 1,
    );
    closeClient(again);
  });

  it('projects checklist progress from the event-day document', async () => {
    const ops = await edge.login('ops@mandap.demo');
    const client = await connectClient(server.port, formatDocName(eventId, 'dayof'), ops.token);
    const day = dayofDoc(client.doc);
    day.checklists.put({ id: 'c1', title: 'Sangeet — stage', functionName: 'Sangeet', area: 'Stage', order: 'a0' });
    const item = { checklistId: 'c1', doneById: null, doneByName: null, doneAt: null };
    day.items.put({ id: 'i1', label: 'Mics', order: 'a0', ...item });
    day.items.put({ id: 'i2', label: 'Lights', order: 'a1', ...item });
    day.items.patch('i1', { doneAt: new Date().toISOString(), doneById: ops.userId, doneByName: 'Sneha Iyer' });
    await waitFor(async () => {
      const r = (await sql('SELECT done, total FROM checklist_projections WHERE event_id = ?', [eventId])).rows[0];
      return r?.done === 1 && r?.total === 2;
    });
    closeClient(client);
  });
});
