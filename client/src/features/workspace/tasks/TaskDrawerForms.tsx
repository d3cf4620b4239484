import { newId } from '@mandap/shared/common';
import { orderKeyAtEnd, type Task, type TasksDoc, ZTask, ZTaskComment } from '@mandap/shared/docs';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';
import type { PresenceUser } from '../collab/presence.ts';

/** A task's title, by the shared task rule, not blank when a person adds one. */
const titleForm = (blank: string) =>
  ZTask.pick({ title: true }).extend({ title: ZTask.shape.title.trim().min(1, { error: blank }) });
const ZNewTaskForm = titleForm('name the task');
const ZSubtaskForm = titleForm('name the subtask');

/**
 * Adds a task at the end of the board's first column (under `parent`, a subtask): type it and
 * press Enter. The board's "New task" box and the drawer's "New subtask" box.
 */
export function AddTaskForm({
  tasksDoc,
  parent = null,
  siblings,
  firstColumn,
  me,
  style,
}: {
  tasksDoc: TasksDoc;
  parent?: Task | null;
  /** The tasks it goes after: the parent's subtasks, or the first column's top-level tasks. */
  siblings: Task[];
  firstColumn: string;
  me: PresenceUser;
  style?: CSSProperties;
}) {
  const form = useZodForm(parent ? ZSubtaskForm : ZNewTaskForm, { title: '' });
  const { onSubmit } = useSubmit(form, ({ title }) => {
    tasksDoc.tasks.put({
      id: newId(),
      title,
      status: firstColumn,
      priority: 'medium',
      assigneeId: null,
      assigneeName: null,
      due: null,
      parentId: parent?.id ?? null,
      order: orderKeyAtEnd(siblings),
      createdAt: new Date().toISOString(),
      createdBy: me.id,
    });
    form.reset({ title: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={parent ? 'Add a subtask' : 'Add a task'} style={style}>
      <TextInput
        aria-label={parent ? 'New subtask' : 'New task'}
        placeholder={parent ? 'Add a subtask and press Enter' : 'New task — press Enter to add'}
        leftSection={parent ? undefined : <IconPlus size={16} />}
        {...form.register('title')}
        error={fieldError(form.formState.errors.title?.message)}
      />
    </form>
  );
}

/** A comment's body, by the shared comment rule. */
const ZCommentForm = ZTaskComment.pick({ body: true });

/** Comments on a task; `aside` sits left of the Comment button (the drawer's Delete task). */
export function TaskCommentForm({
  tasksDoc,
  taskId,
  me,
  aside,
}: {
  tasksDoc: TasksDoc;
  taskId: string;
  me: PresenceUser;
  aside?: ReactNode;
}) {
  const form = useZodForm(ZCommentForm, { body: '' });
  const { onSubmit } = useSubmit(form, ({ body }) => {
    tasksDoc.comments.put({
      id: newId(),
      taskId,
      body,
      authorId: me.id,
      authorName: me.name,
      createdAt: new Date().toISOString(),
    });
    form.reset({ body: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Comment on the task">
      <Stack gap="sm">
        <Textarea
          aria-label="Comment"
          placeholder="Write a comment"
          autosize
          minRows={2}
          {...form.register('body')}
          error={fieldError(form.formState.errors.body?.message)}
        />
        <Group justify="space-between">
          {aside ?? <span />}
          <Button size="xs" type="submit">
            Comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
