import { colorFor } from '@mandap/shared/collab';
import type { Task } from '@mandap/shared/docs';
import { Avatar, Badge, Card, Group, Text, Tooltip } from '@mantine/core';
import { IconCalendarDue, IconMessage, IconSubtask } from '@tabler/icons-react';
import type { CSSProperties, Ref } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { initials } from '../collab/presence.ts';
import { PRIORITY_META } from './taskMeta.ts';

export interface TaskCardProps {
  task: Task;
  overdue: boolean;
  subtasks: { done: number; total: number };
  comments: number;
  onOpen: () => void;
  cardRef?: Ref<HTMLDivElement>;
  style?: CSSProperties;
  dragProps?: Record<string, unknown>;
}

/** One task on the board: title, priority, assignee, due date (red when overdue), subtasks, comments. */
export function TaskCard({ task, overdue, subtasks, comments, onOpen, cardRef, style, dragProps }: TaskCardProps) {
  const priority = PRIORITY_META[task.priority];
  return (
    <Card
      ref={cardRef}
      withBorder
      padding="sm"
      radius="md"
      style={{ cursor: 'grab', touchAction: 'manipulation', ...style }}
      className={overdue ? 'task-overdue' : undefined}
      data-testid="task-card"
      data-overdue={overdue || undefined}
      onClick={onOpen}
      {...dragProps}
    >
      <Text size="sm" fw={500} lineClamp={3}>
        {task.title || 'Untitled task'}
      </Text>
      <Group justify="space-between" mt={8} gap={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" variant="light" color={priority.color}>
            {priority.label}
          </Badge>
          {task.due && (
            <Group gap={2} c={overdue ? 'red' : 'dimmed'} wrap="nowrap">
              <IconCalendarDue size={13} />
              <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 700 : 400}>
                {formatDate(task.due)}
              </Text>
            </Group>
          )}
          {subtasks.total > 0 && (
            <Group gap={2} c="dimmed" wrap="nowrap">
              <IconSubtask size={13} />
              <Text size="xs">
                {subtasks.done}/{subtasks.total}
              </Text>
            </Group>
          )}
          {comments > 0 && (
            <Group gap={2} c="dimmed" wrap="nowrap">
              <IconMessage size={13} />
              <Text size="xs">{comments}</Text>
            </Group>
          )}
        </Group>
        {task.assigneeName && task.assigneeId && (
          <Tooltip label={task.assigneeName}>
            <Avatar size={24} radius="xl" variant="filled" color={colorFor(task.assigneeId)}>
              {initials(task.assigneeName)}
            </Avatar>
          </Tooltip>
        )}
      </Group>
    </Card>
  );
}
