import {
  ASSIGNMENT_STATUS_LABELS,
  type Assignment,
  type Currency,
  formatMoney,
  hasPermission,
  nextAssignmentStatuses,
} from '@mandap/shared';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime, humanize } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { VendorGraph } from './VendorGraph.tsx';
import { downloadPo, useEventBudget, useEventGraph, useMoveAssignment } from './vendors.api.ts';

const money = (a: { amountMinor: number; currency: string }) =>
  formatMoney({ amountMinor: a.amountMinor, currency: a.currency as Currency });

/** One event's vendors: the dependency graph with what is blocked and why, each PO, and budget against actual. */
export function EventVendorsPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const graph = useEventGraph(id);
  const budget = useEventBudget(id);
  const move = useMoveAssignment(id);
  if (graph.error) return <QueryError error={graph.error} onRetry={() => graph.refetch()} />;
  if (!graph.data) return <Loader />;
  const { assignments, dependencies, blocked } = graph.data;
  const eventName = assignments[0]?.eventName ?? 'This event';
  const reasonsOf = (a: Assignment) => blocked.filter((b) => b.assignmentId === a.id);
  const canWrite = hasPermission(me.role, 'vendors:write');

  return (
    <>
      <PageHeader
        title={`Vendors · ${eventName}`}
        description={
          <Anchor component={Link} to="/vendors">
            All vendors
          </Anchor>
        }
      />
      {assignments.length === 0 ? (
        <Text c="dimmed">No vendor is assigned to this event yet.</Text>
      ) : (
        <Stack>
          {blocked.some((b) => b.depth === 1) && (
            <Alert color="red" variant="light" title="Blocked" data-testid="blocked-summary">
              {[...new Set(blocked.map((b) => b.assignmentId))].map((aid) => {
                const a = assignments.find((x) => x.id === aid)!;
                const direct = blocked.filter((b) => b.assignmentId === aid && b.depth === 1);
                return (
                  <Text size="sm" key={aid}>
                    <b>{a.vendorName}</b> ({a.scope}) {direct.map((d) => d.reason).join('; ')}
                  </Text>
                );
              })}
            </Alert>
          )}
          <Card withBorder>
            <VendorGraph assignments={assignments} dependencies={dependencies} blocked={blocked} />
          </Card>
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="assignment-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Vendor and scope</Table.Th>
                  <Table.Th>PO</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Arrives</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assignments.map((a) => {
                  const reasons = reasonsOf(a);
                  return (
                    <Table.Tr key={a.id} bg={reasons.length ? 'red.0' : undefined}>
                      <Table.Td>
                        <Text fw={500}>{a.vendorName}</Text>
                        <Text size="xs" c="dimmed">
                          {a.scope}
                        </Text>
                        {reasons.map((r) => (
                          <Text size="xs" c="red.8" key={r.blockerId}>
                            Blocked: {r.reason}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {a.poNumber ? (
                          <Anchor
                            size="sm"
                            onClick={() => downloadPo(`/api/vendor-work/assignments/${a.id}/po.pdf`, a.poNumber!)}
                          >
                            {a.poNumber}
                          </Anchor>
                        ) : (
                          <Text size="sm" c="dimmed">
                            No PO
                          </Text>
                        )}
                        {a.poDate && (
                          <Text size="xs" c="dimmed">
                            {formatDate(a.poDate)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={reasons.length ? 'red' : a.status === 'cancelled' ? 'gray' : 'blue'}
                          variant="light"
                        >
                          {reasons.length
                            ? `Blocked · ${ASSIGNMENT_STATUS_LABELS[a.status]}`
                            : ASSIGNMENT_STATUS_LABELS[a.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{a.arrivalExpectedAt ? formatDateTime(a.arrivalExpectedAt) : '—'}</Text>
                        {a.checkedInAt && (
                          <Text size="xs" c="green.8">
                            Checked in {formatDateTime(a.checkedInAt)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{money(a)}</Text>
                        <Text size="xs" c="dimmed">
                          paid {money({ amountMinor: a.paidMinor, currency: a.currency })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {canWrite && (
                          <Group gap={4} wrap="nowrap">
                            {nextAssignmentStatuses(a.status, 'staff').map((s) => (
                              <Button
                                key={s}
                                size="compact-xs"
                                variant={s === 'cancelled' ? 'subtle' : 'light'}
                                color={s === 'cancelled' ? 'gray' : undefined}
                                loading={move.isPending}
                                onClick={() =>
                                  move.mutateAsync({ id: a.id, status: s }).catch((e) =>
                                    notifications.show({
                                      color: 'red',
                                      title: 'Not moved',
                                      message: errorMessage(e),
                                    }),
                                  )
                                }
                              >
                                {ASSIGNMENT_STATUS_LABELS[s]}
                              </Button>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {budget.data && (
            <Card withBorder>
              <Text fw={600} mb="xs">
                Budget against actual
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Category</Table.Th>
                    <Table.Th ta="right">Budget</Table.Th>
                    <Table.Th ta="right">Committed (POs)</Table.Th>
                    <Table.Th ta="right">Paid</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {budget.data.lines.map((l) => (
                    <Table.Tr
                      key={l.category}
                      bg={l.budgetMinor > 0 && l.committedMinor > l.budgetMinor ? 'red.0' : undefined}
                    >
                      <Table.Td>{humanize(l.category)}</Table.Td>
                      <Table.Td ta="right">
                        {l.budgetSource === 'none' ? 'Not set' : money({ amountMinor: l.budgetMinor, currency: 'INR' })}
                      </Table.Td>
                      <Table.Td ta="right">{money({ amountMinor: l.committedMinor, currency: 'INR' })}</Table.Td>
                      <Table.Td ta="right">{money({ amountMinor: l.paidMinor, currency: 'INR' })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {budget.data.margin && (
                <Text size="sm" mt="sm" data-testid="margin">
                  Margin: {money({ amountMinor: budget.data.margin.marginMinor, currency: 'INR' })} (quote before tax{' '}
                  {money({ amountMinor: budget.data.margin.revenueMinor, currency: 'INR' })} less vendor POs)
                </Text>
              )}
              <Text size="xs" c="dimmed" mt="xs">
                Budgets are entered by hand; the quote has no cost side to draw them from yet. INR POs only.
              </Text>
            </Card>
          )}
        </Stack>
      )}
    </>
  );
}
