import { type Currency, formatMoney } from '@mandap/shared/money';
import { ASSIGNMENT_STATUS_LABELS, nextAssignmentStatuses } from '@mandap/shared/vendors';
import { Anchor, Badge, Button, Card, FileButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { downloadPo, uploadMyDocument, useCheckIn, useMoveAssignment, useMyWork } from './vendors.api.ts';

const money = (m: number, c: string) => formatMoney({ amountMinor: m, currency: c as Currency });

/** A vendor's own pages, made for a phone: today's call sheet with check-in, their work, who they wait on and who waits on them, their POs and payments. */
export function MyWorkPage() {
  const q = useMyWork();
  const checkIn = useCheckIn();
  const move = useMoveAssignment(null, true);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Loader />;
  const { vendor, assignments, payments, blockedBy, blocking, callSheet } = q.data;
  if (!vendor)
    return (
      <Text c="dimmed" mt="lg">
        Your login is not linked to a vendor record, so there is no vendor work to show.
      </Text>
    );
  const fail = (e: unknown) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });

  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1} fz={24}>
          My work
        </Title>
        <Text c="dimmed" size="sm">
          {vendor.name} · {vendor.code}
        </Text>
      </div>

      <section aria-labelledby="call-sheet">
        <Title order={2} fz="lg" id="call-sheet" mb="xs">
          Call sheet
        </Title>
        {callSheet.length === 0 && <Text c="dimmed">No upcoming event.</Text>}
        <Stack gap="sm">
          {callSheet.map((c) => (
            <Card key={c.assignmentId} withBorder data-testid="call-sheet-row">
              <Text fw={600}>{c.eventName}</Text>
              <Text size="sm">
                {formatDate(c.startDate)} · {[c.venue, c.city].filter(Boolean).join(', ')}
              </Text>
              <Text size="sm" c="dimmed">
                {c.scope}
              </Text>
              <Text size="sm">
                Arrive by {c.arrivalExpectedAt ? formatDateTime(c.arrivalExpectedAt) : 'time not set'}
              </Text>
              {c.contactName && (
                <Text size="sm">
                  Event manager {c.contactName}
                  {c.contactPhone && (
                    <>
                      {' · '}
                      <Anchor href={`tel:${c.contactPhone}`}>{c.contactPhone}</Anchor>
                    </>
                  )}
                </Text>
              )}
              {c.checkedInAt ? (
                <Badge color="green" mt="xs" variant="light">
                  Checked in {formatDateTime(c.checkedInAt)}
                </Badge>
              ) : (
                <Button
                  mt="sm"
                  fullWidth
                  size="md"
                  loading={checkIn.isPending}
                  onClick={() => checkIn.mutateAsync(c.assignmentId).catch(fail)}
                >
                  I have arrived
                </Button>
              )}
            </Card>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="my-assignments">
        <Title order={2} fz="lg" id="my-assignments" mb="xs">
          Assignments
        </Title>
        <Stack gap="sm">
          {assignments.map((a) => {
            const waits = blockedBy.filter((b) => b.myAssignmentId === a.id);
            const holds = blocking.filter((b) => b.myAssignmentId === a.id);
            return (
              <Card key={a.id} withBorder data-testid="my-assignment">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>{a.scope}</Text>
                    <Text size="sm" c="dimmed">
                      {a.eventName} · {formatDate(a.eventStartDate)}
                    </Text>
                  </div>
                  <Badge variant="light" color={waits.length ? 'red' : 'blue'}>
                    {ASSIGNMENT_STATUS_LABELS[a.status]}
                  </Badge>
                </Group>
                {a.poNumber && (
                  <Text size="sm" mt={4}>
                    <Anchor onClick={() => downloadPo(a.id, a.poNumber!, true).catch(fail)}>{a.poNumber}</Anchor> ·{' '}
                    {money(a.amountMinor, a.currency)} · paid {money(a.paidMinor, a.currency)}
                  </Text>
                )}
                {waits.map((w) => (
                  <Text size="sm" c="red.8" key={w.otherAssignmentId}>
                    Waiting on {w.otherVendorName}: {w.otherScope} (
                    {ASSIGNMENT_STATUS_LABELS[w.otherStatus].toLowerCase()})
                  </Text>
                ))}
                {holds.map((h) => (
                  <Text size="sm" c="orange.8" key={h.otherAssignmentId}>
                    Holding up {h.otherVendorName}: {h.otherScope}
                  </Text>
                ))}
                <Group gap="xs" mt="sm">
                  {a.status !== 'cancelled' && (
                    <FileButton
                      accept="application/pdf,image/*"
                      onChange={(file) =>
                        file &&
                        uploadMyDocument(a.id, file, 'delivery_proof')
                          .then(() =>
                            notifications.show({ color: 'green', message: `${file.name} sent to the house.` }),
                          )
                          .catch(fail)
                      }
                    >
                      {(props) => (
                        <Button {...props} size="sm" variant="default">
                          Upload document
                        </Button>
                      )}
                    </FileButton>
                  )}
                  {nextAssignmentStatuses(a.status, 'vendor').map((s) => (
                    <Button
                      key={s}
                      size="sm"
                      variant="light"
                      loading={move.isPending}
                      onClick={() => move.mutateAsync({ id: a.id, status: s }).catch(fail)}
                    >
                      Mark {ASSIGNMENT_STATUS_LABELS[s].toLowerCase()}
                    </Button>
                  ))}
                </Group>
              </Card>
            );
          })}
        </Stack>
      </section>

      <section aria-labelledby="my-payments">
        <Title order={2} fz="lg" id="my-payments" mb="xs">
          Payments received
        </Title>
        {payments.length === 0 ? (
          <Text c="dimmed" size="sm">
            No payment yet.
          </Text>
        ) : (
          payments.map((p) => (
            <Text size="sm" key={p.id}>
              {formatDate(p.paidOn)} · {money(p.netMinor, p.currency)} by {p.mode.toUpperCase()}
              {p.tdsMinor > 0 && ` (TDS ${money(p.tdsMinor, p.currency)} withheld)`}
              {p.reference && ` · ${p.reference}`}
            </Text>
          ))
        )}
      </section>
    </Stack>
  );
}
