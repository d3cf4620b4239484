import { hasPermission } from '@mandap/shared/access';
import { type Currency, formatMoney } from '@mandap/shared/money';
import { ASSIGNMENT_STATUS_LABELS, type Assignment, nextAssignmentStatuses } from '@mandap/shared/vendors';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useEvent } from '../workspace/useEvent.ts';
import { AssignmentDrawer } from './AssignmentDrawer.tsx';
import { AssignVendorModal } from './AssignVendorModal.tsx';
import { BudgetCard } from './BudgetCard.tsx';
import { VendorGraph } from './VendorGraph.tsx';
import { downloadPo, useEventGraph, useMoveAssignment } from './vendors.api.ts';

const money = (a: { amountMinor: number; currency: string }) =>
  formatMoney({ amountMinor: a.amountMinor, currency: a.currency as Currency });

/**
 * One event's vendors: assign a vendor with a PO, the dependency graph with what is blocked and
 * why, each PO (opened in a drawer for its schedule, payments, share link and rating), and
 * budget against actual.
 */
export function EventVendorsPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const event = useEvent(id);
  const graph = useEventGraph(id);
  const move = useMoveAssignment(id);
  const [assigning, setAssigning] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  if (graph.error) return <QueryError error={graph.error} onRetry={() => graph.refetch()} />;
  if (!graph.data) return <Loader />;
  const { assignments, dependencies, blocked } = graph.data;
  const eventName = event.data?.name ?? assignments[0]?.eventName ?? 'This event';
  const reasonsOf = (a: Assignment) => blocked.filter((b) => b.assignmentId === a.id);
  const canWrite = hasPermission(me.role, 'vendors:write');

  return (
    <>
      <PageHeader
        title={`Vendors · ${eventName}`}
        description={
          <Group gap="md">
            <Anchor component={Link} to="/vendors">
              All vendors
            </Anchor>
            <Anchor component={Link} to={`/events/${id}/workspace`}>
              Event workspace
            </Anchor>
          </Group>
        }
        actions={canWrite && <Button onClick={() => setAssigning(true)}>Assign vendor</Button>}
      />
      <AssignVendorModal
        eventId={id}
        opened={assigning}
        onClose={() => setAssigning(false)}
        onCreated={(aid) => {
          setAssigning(false);
          setOpenId(aid);
        }}
      />
      <AssignmentDrawer id={openId} onClose={() => setOpenId(null)} />
      {assignments.length === 0 ? (
        <Stack>
          <Text c="dimmed">No vendor is assigned to this event yet.</Text>
          <BudgetCard eventId={id} canEdit={canWrite} />
        </Stack>
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
                        <Anchor component="button" fw={500} onClick={() => setOpenId(a.id)} ta="left">
                          {a.vendorName}
                        </Anchor>
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
                          <Anchor size="sm" onClick={() => downloadPo(a.id, a.poNumber!)}>
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
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="default" onClick={() => setOpenId(a.id)}>
                            PO and payments
                          </Button>
                          {canWrite &&
                            nextAssignmentStatuses(a.status, 'staff').map((s) => (
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
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <BudgetCard eventId={id} canEdit={canWrite} />
        </Stack>
      )}
    </>
  );
}
