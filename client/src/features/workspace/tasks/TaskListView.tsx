import { buildTaskTree, compareTasks, type Task, type TaskNode, type TaskSortKey } from '@mandap/shared/docs';
import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { formatDate } from '../../../lib/format.ts';
import { PRIORITY_META } from './taskMeta.ts';
import type { BoardModel } from './useBoard.ts';

interface Row {
  task: Task;
  depth: number;
  parentTitle: string | null;
}

function flatten(nodes: TaskNode[], depth = 0, parentTitle: string | null = null): Row[] {
  return nodes.flatMap((node) => [
    { task: node.task, depth, parentTitle },
    ...flatten(node.children, depth + 1, node.task.title),
  ]);
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const col = createColumnHelper<typeof features, Row>();
const by =
  (key: TaskSortKey) =>
  (a: { original: Row }, b: { original: Row }): number =>
    compareTasks(key, a.original.task, b.original.task);

/** Sortable by task, priority, assignee and due; unsorted, subtasks sit indented under their parents. */
export function TaskListView({ board, onOpen }: { board: BoardModel; onOpen: (id: string) => void }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo(() => flatten(buildTaskTree(board.tasks)), [board.tasks]);
  const columns = useMemo(() => {
    const label = new Map(board.columns.map((c) => [c.id, c.label]));
    return col.columns([
      col.accessor((r) => r.task.title, {
        id: 'title',
        header: 'Task',
        sortFn: by('title'),
        cell: (c) => (
          <>
            <Text size="sm">{c.row.original.task.title || 'Untitled task'}</Text>
            {sorting.length > 0 && c.row.original.parentTitle && (
              <Text size="xs" c="dimmed">
                Subtask of {c.row.original.parentTitle}
              </Text>
            )}
          </>
        ),
      }),
      col.accessor((r) => r.task.status, {
        id: 'status',
        header: 'Status',
        enableSorting: false,
        cell: (c) => label.get(c.getValue()) ?? c.getValue(),
      }),
      col.accessor((r) => r.task.priority, {
        id: 'priority',
        header: 'Priority',
        sortFn: by('priority'),
        cell: (c) => (
          <Badge size="xs" variant="light" color={PRIORITY_META[c.getValue()].color}>
            {PRIORITY_META[c.getValue()].label}
          </Badge>
        ),
      }),
      col.accessor((r) => r.task.assigneeName, {
        id: 'assignee',
        header: 'Assignee',
        sortFn: by('assignee'),
        cell: (c) => c.getValue() ?? '—',
      }),
      col.accessor((r) => r.task.due, {
        id: 'due',
        header: 'Due',
        sortFn: by('due'),
        cell: (c) => {
          const overdue = board.isOverdue(c.row.original.task);
          return (
            <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined}>
              {formatDate(c.getValue())}
              {overdue ? ' · overdue' : ''}
            </Text>
          );
        },
      }),
    ]);
  }, [board, sorting.length]);
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting },
    onSortingChange: (updater) => setSorting((s) => (typeof updater === 'function' ? updater(s) : updater)),
    getRowId: (r) => r.task.id,
  });

  if (data.length === 0) return <Text c="dimmed">No tasks yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {table.getHeaderGroups()[0]?.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              const Icon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
              return (
                <Table.Th key={h.id}>
                  {h.column.getCanSort() ? (
                    <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        <table.FlexRender header={h} />
                        <Icon size={14} opacity={sorted ? 1 : 0.4} />
                      </Group>
                    </UnstyledButton>
                  ) : (
                    <table.FlexRender header={h} />
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr
              key={row.original.task.id}
              onClick={() => onOpen(row.original.task.id)}
              style={{ cursor: 'pointer' }}
              data-testid="task-row"
            >
              {row.getAllCells().map((cell, i) => (
                <Table.Td key={cell.id} pl={i === 0 && sorting.length === 0 ? 12 + row.original.depth * 20 : undefined}>
                  <table.FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
