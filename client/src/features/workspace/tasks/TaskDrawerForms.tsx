import { newId } from '@mandap/shared/common';
import { orderKeyAtEnd, type Task, type TasksDoc, ZTask, ZTaskComment } from '@mandap/shared/docs';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';
import type { PresenceUser } from '../collab/presence.ts';

/** A subtask's title: the task's, which must not be blank when a person adds one. */
const ZSubtaskForm = ZTask.pick({ title: true }).extend({
  title: ZTask.shape.title.trim().min(1, { error: 'name the subtask' }),
});

/** Adds a subtask under `parent` in the board's first column: type it and press Enter. */
export function AddSubtaskForm({
  tasksDoc,
  parent,
  siblings,
  firstColumn,
  me,
}: {
  tasksDoc: TasksDoc;
  parent: Task;
  /** The parent's subtasks, in order. */
  siblings: Task[];
  firstColumn: string;
  me: PresenceUser;
}) {
  const form = useZodForm(ZSubtaskForm, { title: '' });
  const { onSubmit } = useSubmit(form, ({ title }) => {
    tasksDoc.tasks.put({
      id: newId(),
      title,
      status: firstColumn,
      priority: 'medium',
      assigneeId: null,
      assigneeName: null,
      due: null,
      parentId: parent.id,
      order: orderKeyAtEnd(siblings),
      createdAt: new Date().toISOString(),
      createdBy: me.id,
    });
    form.reset({ title: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a subtask">
      <TextInput
        aria-label="New subtask"
        placeholder="Add a subtask and press Enter"
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
