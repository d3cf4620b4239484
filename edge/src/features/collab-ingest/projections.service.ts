import type { CollabProjection, CollabProjectionBatch, TaskProjectionRow } from '@mandap/shared/collab';
import { diffTasks } from '@mandap/shared/collab';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { checklistProjections, taskProjections } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { enqueueMessage, recordChange } from '../../lib/journal.ts';

/**
 * Takes the collab-server's projections of shared documents (the whole current state of each)
 * and brings the edge's tables in line, each document in its own transaction: task rows written
 * or removed, a `task.assigned` domain event (with audit) and an in-app notice for every new
 * assignee. State-based, so a repeated batch changes nothing and tells nobody twice.
 */
export async function ingestProjections(deps: Deps, batch: CollabProjectionBatch) {
  let assigned = 0;
  for (const item of batch.items) {
    assigned += await deps.db.transaction((tx) => applyProjection(tx, item, deps.now()));
  }
  return { applied: batch.items.length, assigned };
}

async function applyProjection(tx: DbOrTx, item: CollabProjection, at: Date): Promise<number> {
  const now = at.toISOString();
  if (item.kind === 'checklists') {
    await tx.delete(checklistProjections).where(eq(checklistProjections.eventId, item.eventId));
    if (item.rows.length > 0) {
      await tx
        .insert(checklistProjections)
        .values(item.rows.map((r) => ({ eventId: item.eventId, ...r, updatedAt: now })));
    }
    return 0;
  }
  const storedRows = await tx.select().from(taskProjections).where(eq(taskProjections.eventId, item.eventId));
  const stored: TaskProjectionRow[] = storedRows.map((r) => ({
    taskId: r.taskId,
    title: r.title,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    due: r.due,
    priority: r.priority,
    status: r.status,
    statusLabel: r.statusLabel,
    isDone: r.isDone,
    parentId: r.parentId,
  }));
  const versions = new Map(storedRows.map((r) => [r.taskId, r.updatedAt]));
  const { upserts, deletes, assigned } = diffTasks(stored, item.rows);
  for (const row of upserts) {
    const values = { eventId: item.eventId, ...row, updatedAt: now };
    await tx
      .insert(taskProjections)
      .values(values)
      .onConflictDoUpdate({ target: [taskProjections.eventId, taskProjections.taskId], set: values });
  }
  if (deletes.length > 0) {
    await tx
      .delete(taskProjections)
      .where(and(eq(taskProjections.eventId, item.eventId), inArray(taskProjections.taskId, deletes)));
  }
  for (const row of assigned) {
    const before = stored.find((s) => s.taskId === row.taskId);
    const payload = {
      eventId: item.eventId,
      taskId: row.taskId,
      title: row.title,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      previousAssigneeId: before?.assigneeId ?? null,
      due: row.due,
    };
    await recordChange(tx, {
      type: 'task.assigned',
      aggregateType: 'task',
      aggregateId: row.taskId,
      payload,
      actorId: item.actorId,
      at,
      audit: {
        before: { assigneeId: before?.assigneeId ?? null },
        after: { assigneeId: row.assigneeId, assigneeName: row.assigneeName },
      },
    });
    if (row.assigneeId && row.assigneeId !== item.actorId) {
      // The key names the row version the change was diffed against: a later reassignment back notifies again.
      const storedVersion = versions.get(row.taskId) ?? 'new';
      await enqueueMessage(tx, {
        channel: 'in_app',
        template: 'task_assigned',
        recipient: row.assigneeId,
        payload: {
          eventId: item.eventId,
          taskId: row.taskId,
          title: row.title,
          due: row.due,
          assignedBy: item.actorId,
          link: `/events/${item.eventId}/workspace?tab=tasks`,
        },
        at,
        dedupeKey: `task.assigned:${item.eventId}:${row.taskId}:${row.assigneeId}:${storedVersion}`,
      });
    }
  }
  return assigned.length;
}
