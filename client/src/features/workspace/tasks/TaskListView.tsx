import { buildTaskTree, type TaskNode } from '@mandap/shared/docs';
import { Badge, Table, Text } from '@mantine/core';
import { formatDate } from '../../../lib/format.ts';
import { PRIORITY_META } from './taskMeta.ts';
import type { BoardModel } from './useBoard.ts';

function flatten(nodes: TaskNode[], depth = 0): { node: TaskNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/** Every task in one table, subtasks indented under their parents. */
export function TaskListView({ board, onOpen }: { board: BoardModel; onOpen: (id: string) => void }) {
  const label = new Map(board.columns.map((c) => [c.id, c.label]));
  const rows = flatten(buildTaskTree(board.tasks));
  if (rows.length === 0) return <Text c="dimmed">No tasks yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ node: { task }, depth }) => {
            const overdue = board.isOverdue(task);
            return (
              <Table.Tr
                key={task.id}
                onClick={() => onOpen(task.id)}
                style={{ cursor: 'pointer' }}
                data-testid="task-row"
              >
                <Table.Td pl={12 + depth * 20}>
                  <Text size="sm">{task.title || 'Untitled task'}</Text>
                </Table.Td>
                <Table.Td>{label.get(task.status) ?? task.status}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={PRIORITY_META[task.priority].color}>
                    {PRIORITY_META[task.priority].label}
                  </Badge>
                </Table.Td>
                <Table.Td>{task.assigneeName ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined}>
                    {formatDate(task.due)}
                    {overdue ? ' · overdue' : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
