import { TASK_PRIORITIES, type TaskPriority, type TasksDoc } from '@mandap/shared/docs';
import { Button, Checkbox, Divider, Drawer, Group, Select, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { BlurTextInput } from '../brief/BlurTextInput.tsx';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { AddTaskForm, TaskCommentForm } from './TaskDrawerForms.tsx';
import { PRIORITY_META } from './taskMeta.ts';
import { useAssignees } from './useAssignees.ts';
import type { BoardModel } from './useBoard.ts';

/** Everything about one task: fields, subtasks, comments. */
export function TaskDrawer({
  eventId,
  taskId,
  tasksDoc,
  board,
  me,
  readOnly,
  onClose,
  onOpen,
}: {
  eventId: string;
  taskId: string | null;
  tasksDoc: TasksDoc;
  board: BoardModel;
  me: PresenceUser;
  readOnly: boolean;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const task = board.tasks.find((t) => t.id === taskId) ?? null;
  const people = useAssignees(eventId, !readOnly).data ?? [];
  const comments = useCollection(tasksDoc.comments)
    .filter((c) => c.taskId === taskId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const doneColumn = board.columns.find((c) => c.isDone)?.id ?? 'done';
  const firstColumn = board.columns[0]?.id ?? 'todo';
  const assigneeOptions = [
    ...people.map((p) => ({ value: p.id, label: p.role === 'vendor' ? `${p.name} (vendor)` : p.name })),
    ...(task?.assigneeId && !people.some((p) => p.id === task.assigneeId)
      ? [{ value: task.assigneeId, label: task.assigneeName ?? 'Someone' }]
      : []),
  ];
  if (!assigneeOptions.some((o) => o.value === me.id)) assigneeOptions.unshift({ value: me.id, label: me.name });

  return (
    <Drawer opened={task !== null} onClose={onClose} position="right" size="md" title="Task">
      {task && (
        <Stack gap="sm">
          <BlurTextInput
            aria-label="Title"
            label="Title"
            value={task.title}
            readOnly={readOnly}
            onCommit={(title) => tasksDoc.tasks.patch(task.id, { title })}
          />
          <Group grow>
            <Select
              label="Status"
              readOnly={readOnly}
              value={task.status}
              data={board.columns.map((c) => ({ value: c.id, label: c.label }))}
              onChange={(status) => status && tasksDoc.tasks.patch(task.id, { status })}
              allowDeselect={false}
            />
            <Select
              label="Priority"
              readOnly={readOnly}
              value={task.priority}
              data={TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_META[p].label }))}
              onChange={(p) => p && tasksDoc.tasks.patch(task.id, { priority: p as TaskPriority })}
              allowDeselect={false}
            />
          </Group>
          <Group grow>
            <Select
              label="Assignee"
              placeholder="Nobody yet"
              readOnly={readOnly}
              searchable
              clearable
              value={task.assigneeId}
              data={assigneeOptions}
              onChange={(id) =>
                tasksDoc.tasks.patch(task.id, {
                  assigneeId: id,
                  assigneeName: assigneeOptions.find((o) => o.value === id)?.label ?? null,
                })
              }
            />
            <DateField
              label="Due"
              value={task.due}
              readOnly={readOnly}
              error={board.isOverdue(task) ? 'Overdue' : undefined}
              onChange={(due) => tasksDoc.tasks.patch(task.id, { due })}
            />
          </Group>

          <Divider label="Subtasks" labelPosition="left" />
          {board.subtasksOf(task.id).map((s) => (
            <Group key={s.id} gap="xs" wrap="nowrap">
              <Checkbox
                aria-label={`Done: ${s.title}`}
                disabled={readOnly}
                checked={board.doneIds.has(s.status)}
                onChange={(e) =>
                  tasksDoc.tasks.patch(s.id, { status: e.currentTarget.checked ? doneColumn : firstColumn })
                }
              />
              <Text
                size="sm"
                style={{ flex: 1, cursor: 'pointer' }}
                td={board.doneIds.has(s.status) ? 'line-through' : undefined}
                onClick={() => onOpen(s.id)}
              >
                {s.title}
              </Text>
            </Group>
          ))}
          {!readOnly && (
            <AddTaskForm
              key={task.id}
              tasksDoc={tasksDoc}
              parent={task}
              siblings={board.subtasksOf(task.id)}
              firstColumn={firstColumn}
              me={me}
            />
          )}

          <Divider label="Comments" labelPosition="left" />
          {comments.map((c) => (
            <Stack key={c.id} gap={0}>
              <Text size="sm">{c.body}</Text>
              <Text size="xs" c="dimmed">
                {c.authorName} · {formatDateTime(c.createdAt)}
              </Text>
            </Stack>
          ))}
          {!readOnly && (
            <TaskCommentForm
              key={task.id}
              tasksDoc={tasksDoc}
              taskId={task.id}
              me={me}
              aside={
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => {
                    for (const s of board.subtasksOf(task.id)) tasksDoc.tasks.patch(s.id, { parentId: task.parentId });
                    tasksDoc.tasks.remove(task.id);
                    onClose();
                  }}
                >
                  Delete task
                </Button>
              }
            />
          )}
        </Stack>
      )}
    </Drawer>
  );
}
