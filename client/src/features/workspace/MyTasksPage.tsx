import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, edge, withSignal } from '../../api/rpc.ts';
import { formatDate, todayInKolkata } from '../../lib/format.ts';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { PRIORITY_META } from './tasks/taskMeta.ts';

const priorityMeta = (p: string) => PRIORITY_META[p as keyof typeof PRIORITY_META] ?? { label: p, color: 'gray' };

/** Tasks assigned to me on every event, soonest due first; overdue in red. */
export function MyTasksPage() {
  const [include, setInclude] = useState<'open' | 'all'>('open');
  const query = useQuery({
    queryKey: ['workspace', 'my-tasks', include],
    queryFn: ({ signal }) => call(edge.workspace['my-tasks'].$get({ query: { include } }, withSignal(signal))),
    select: (d) => d.tasks,
  });
  const today = todayInKolkata();
  const tasks = query.data ?? [];

  return (
    <>
      <PageHeader
        title="My tasks"
        description="Assigned to you on every event's task board."
        actions={
          <SegmentedControl
            value={include}
            onChange={(v) => setInclude(v as 'open' | 'all')}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'all', label: 'All' },
            ]}
          />
        }
      />
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && tasks.length === 0 && (
        <EmptyNote icon={<IconChecklist size={24} />} title="Nothing assigned to you">
          Tasks assigned to you on an event's board show up here.
        </EmptyNote>
      )}
      {tasks.length > 0 && (
        <Card withBorder padding={0} radius="md">
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Task</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>Due</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.map((t) => {
                  const overdue = !t.isDone && t.due !== null && t.due < today;
                  return (
                    <Table.Tr
                      key={`${t.eventId}:${t.taskId}`}
                      data-testid="my-task"
                      data-overdue={overdue || undefined}
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/events/${t.eventId}/workspace?tab=tasks`} size="sm" fw={500}>
                          {t.title || 'Untitled task'}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text size="sm">{t.eventName}</Text>
                          <Text size="xs" c="dimmed">
                            {t.eventCode}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>{t.statusLabel}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={priorityMeta(t.priority).color}>
                          {priorityMeta(t.priority).label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined}>
                            {formatDate(t.due)}
                          </Text>
                          {overdue && (
                            <Badge color="red" size="xs">
                              Overdue
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
