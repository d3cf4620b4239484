import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { updatedAt } from './_columns.ts';

/**
 * Task fields projected from each event's shared task board by the collab-server after every
 * committed update. Read-only for the edge (my tasks, dashboards, reminders); the Y.Doc is the truth.
 */
export const taskProjections = sqliteTable(
  'task_projections',
  {
    eventId: text('event_id').notNull(),
    taskId: text('task_id').notNull(),
    title: text('title').notNull(),
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    /** yyyy-mm-dd (IST) or null. */
    due: text('due'),
    priority: text('priority').notNull(),
    /** Board column id (todo, in_progress, blocked, done, or a custom one). */
    status: text('status').notNull(),
    statusLabel: text('status_label').notNull(),
    isDone: integer('is_done', { mode: 'boolean' }).notNull(),
    parentId: text('parent_id'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.taskId] }),
    index('task_projections_assignee_idx').on(t.assigneeId, t.isDone, t.due),
  ],
);

/** Progress of each event-day checklist, projected by the collab-server. */
export const checklistProjections = sqliteTable(
  'checklist_projections',
  {
    eventId: text('event_id').notNull(),
    checklistId: text('checklist_id').notNull(),
    title: text('title').notNull(),
    done: integer('done').notNull(),
    total: integer('total').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.checklistId] })],
);
