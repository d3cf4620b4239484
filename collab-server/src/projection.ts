import type { Client, InStatement } from '@libsql/client';
import { newId } from '@mandap/shared';
import { parseDocName } from '@mandap/shared/docs';
import type * as Y from 'yjs';
import { checklistRowsOf, diffTasks, type TaskRow, taskRowsOf } from './projection-rows.ts';

/**
 * Writes projections of shared documents into the edge's tables (task_projections,
 * checklist_projections) a short while after they change, and a `task.assigned` domain event
 * (event_log + audit_log, in the same transaction) whenever a task gets a new assignee.
 * Runs only on committed state: the document it reads holds only persisted updates.
 */
export class Projector {
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Map<string, Promise<void>>();
  /** The last person to change each document, credited with the assignment. */
  private actors = new Map<string, string>();
  private docs = new Map<string, Y.Doc>();

  constructor(
    private readonly edgeDb: Client,
    private readonly delayMs = 250,
  ) {}

  /** Notes a committed change to `name`; projects it after `delayMs` of quiet. */
  changed(name: string, doc: Y.Doc, actorId: string | null): void {
    const parsed = parseDocName(name);
    if (!parsed || parsed.kind === 'brief') return;
    if (actorId) this.actors.set(name, actorId);
    this.docs.set(name, doc);
    const existing = this.timers.get(name);
    if (existing) clearTimeout(existing);
    this.timers.set(
      name,
      setTimeout(() => void this.run(name), this.delayMs),
    );
  }

  /** Projects everything pending now (shutdown, tests). */
  async flush(): Promise<void> {
    const names = [...this.timers.keys()];
    for (const name of names) clearTimeout(this.timers.get(name));
    await Promise.all([...names.map((n) => this.run(n)), ...this.running.values()]);
  }

  private run(name: string): Promise<void> {
    this.timers.delete(name);
    const previous = this.running.get(name) ?? Promise.resolve();
    const next = previous
      .then(() => this.project(name))
      .catch((err) => console.error(`collab-server: projecting ${name} failed`, err))
      .finally(() => {
        if (this.running.get(name) === next) this.running.delete(name);
        // Drop references once nothing is pending, so unloaded documents can be collected.
        if (!this.timers.has(name) && !this.running.has(name)) {
          this.docs.delete(name);
          this.actors.delete(name);
        }
      });
    this.running.set(name, next);
    return next;
  }

  private async project(name: string): Promise<void> {
    const parsed = parseDocName(name);
    const doc = this.docs.get(name);
    if (!parsed || !doc) return;
    const now = new Date().toISOString();
    if (parsed.kind === 'tasks') await this.projectTasks(parsed.eventId, doc, this.actors.get(name) ?? null, now);
    else await this.projectChecklists(parsed.eventId, doc, now);
  }

  private async projectTasks(eventId: string, doc: Y.Doc, actorId: string | null, now: string): Promise<void> {
    const current = taskRowsOf(doc);
    const res = await this.edgeDb.execute({
      sql: `SELECT task_id, title, assignee_id, assignee_name, due, priority, status, status_label, is_done, parent_id,
              updated_at FROM task_projections WHERE event_id = ?`,
      args: [eventId],
    });
    const stored: TaskRow[] = res.rows.map((r) => ({
      taskId: String(r.task_id),
      title: String(r.title),
      assigneeId: r.assignee_id === null ? null : String(r.assignee_id),
      assigneeName: r.assignee_name === null ? null : String(r.assignee_name),
      due: r.due === null ? null : String(r.due),
      priority: String(r.priority),
      status: String(r.status),
      statusLabel: String(r.status_label),
      isDone: Number(r.is_done) === 1,
      parentId: r.parent_id === null ? null : String(r.parent_id),
    }));
    const versions = new Map(res.rows.map((r) => [String(r.task_id), String(r.updated_at)]));
    const { upserts, deletes, assigned } = diffTasks(stored, current);
    if (upserts.length === 0 && deletes.length === 0) return;
    const statements: InStatement[] = [
      ...upserts.map((r) => ({
        sql: `INSERT INTO task_projections (event_id, task_id, title, assignee_id, assignee_name, due, priority, status,
                status_label, is_done, parent_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (event_id, task_id) DO UPDATE SET title = excluded.title, assignee_id = excluded.assignee_id,
                assignee_name = excluded.assignee_name, due = excluded.due, priority = excluded.priority,
                status = excluded.status, status_label = excluded.status_label, is_done = excluded.is_done,
                parent_id = excluded.parent_id, updated_at = excluded.updated_at`,
        args: [
          eventId,
          r.taskId,
          r.title,
          r.assigneeId,
          r.assigneeName,
          r.due,
          r.priority,
          r.status,
          r.statusLabel,
          r.isDone ? 1 : 0,
          r.parentId,
          now,
        ],
      })),
      ...deletes.map((taskId) => ({
        sql: 'DELETE FROM task_projections WHERE event_id = ? AND task_id = ?',
        args: [eventId, taskId],
      })),
      ...assigned.flatMap((r) => assignmentEvent(eventId, r, stored, versions.get(r.taskId) ?? 'new', actorId, now)),
    ];
    await this.edgeDb.batch(statements, 'write');
  }

  private async projectChecklists(eventId: string, doc: Y.Doc, now: string): Promise<void> {
    const rows = checklistRowsOf(doc);
    await this.edgeDb.batch(
      [
        { sql: 'DELETE FROM checklist_projections WHERE event_id = ?', args: [eventId] },
        ...rows.map((r) => ({
          sql: `INSERT INTO checklist_projections (event_id, checklist_id, title, done, total, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)`,
          args: [eventId, r.checklistId, r.title, r.done, r.total, now],
        })),
      ],
      'write',
    );
  }
}

/**
 * The `task.assigned` domain event and its audit entry, as the edge's recordChange writes them,
 * and an in-app notification for the new assignee (unless they assigned it to themselves).
 * The notification's dedupe key names the projection row version it was diffed against, so two
 * projectors racing on the same change (a reload and a live edit) notify once, while a later
 * reassignment back to the same person notifies again.
 */
function assignmentEvent(
  eventId: string,
  row: TaskRow,
  stored: readonly TaskRow[],
  storedVersion: string,
  actorId: string | null,
  now: string,
): InStatement[] {
  const before = stored.find((s) => s.taskId === row.taskId);
  const payload = {
    eventId,
    taskId: row.taskId,
    title: row.title,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    previousAssigneeId: before?.assigneeId ?? null,
    due: row.due,
  };
  return [
    {
      sql: `INSERT INTO event_log (id, type, aggregate_type, aggregate_id, payload, actor_id, occurred_at)
            VALUES (?, 'task.assigned', 'task', ?, ?, ?, ?)`,
      args: [newId(), row.taskId, JSON.stringify(payload), actorId, now],
    },
    {
      sql: `INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, before, after, ip, request_id, at)
            VALUES (?, ?, 'task.assigned', 'task', ?, ?, ?, NULL, NULL, ?)`,
      args: [
        newId(),
        actorId,
        row.taskId,
        JSON.stringify({ assigneeId: before?.assigneeId ?? null }),
        JSON.stringify({ assigneeId: row.assigneeId, assigneeName: row.assigneeName }),
        now,
      ],
    },
    ...(row.assigneeId && row.assigneeId !== actorId
      ? [assignmentNotice(eventId, row, storedVersion, actorId, now, row.assigneeId)]
      : []),
  ];
}

/** The in-app "a task was assigned to you" message in the edge's notification outbox. */
function assignmentNotice(
  eventId: string,
  row: TaskRow,
  storedVersion: string,
  actorId: string | null,
  now: string,
  recipient: string,
): InStatement {
  const payload = {
    eventId,
    taskId: row.taskId,
    title: row.title,
    due: row.due,
    assignedBy: actorId,
    link: `/events/${eventId}/workspace?tab=tasks`,
  };
  return {
    sql: `INSERT INTO notification_outbox (id, channel, template, recipient, payload, status, attempts, next_attempt_at,
            dedupe_key, created_at) VALUES (?, 'in_app', 'task_assigned', ?, ?, 'pending', 0, ?, ?, ?)
          ON CONFLICT (dedupe_key) DO NOTHING`,
    args: [
      newId(),
      recipient,
      JSON.stringify(payload),
      now,
      `task.assigned:${eventId}:${row.taskId}:${recipient}:${storedVersion}`,
      now,
    ],
  };
}
