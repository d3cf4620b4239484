import type { Dashboard } from '@mandap/shared/dashboard';
import { ASSIGNMENT_STATUS_LABELS, ASSIGNMENT_STATUSES } from '@mandap/shared/vendors';
import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCount } from '../../lib/format.ts';
import { Figure, Section } from './Section.tsx';

/** Vendor assignments across active events by status; blocked ones highlighted with what they wait on. */
export function VendorsCard({ vendors }: { vendors: NonNullable<Dashboard['vendors']> }) {
  const v = vendors;
  const total = ASSIGNMENT_STATUSES.reduce((a, s) => a + v.byStatus[s], 0);
  return (
    <Section title="Vendors on active events" link="/vendors" linkLabel="Vendors" testId="dash-vendors">
      <SimpleGrid cols={3} mb="sm">
        <Figure label="Active events" value={formatCount(v.activeEvents)} testId="vendors-events" />
        <Figure label="Assignments" value={formatCount(total)} testId="vendors-assignments" />
        <Figure
          label="Blocked"
          value={formatCount(v.blocked)}
          color={v.blocked ? 'red.7' : undefined}
          testId="vendors-blocked"
        />
      </SimpleGrid>
      <Group gap={6} mb="sm">
        {ASSIGNMENT_STATUSES.map((s) => (
          <Badge
            key={s}
            variant="light"
            color={s === 'cancelled' ? 'gray' : 'maroon'}
            data-testid={`vendors-status-${s}`}
          >
            {ASSIGNMENT_STATUS_LABELS[s]}: {formatCount(v.byStatus[s])}
          </Badge>
        ))}
      </Group>
      {v.blockedList.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Blocked" p="sm">
          <Stack gap={6}>
            {v.blockedList.map((b) => (
              <div key={b.assignmentId}>
                <Anchor component={Link} to={`/vendors/events/${b.eventId}`} size="sm" fw={600}>
                  {b.vendorName} · {b.scope}
                </Anchor>
                <Text size="xs">
                  {b.eventName}: waits on {b.waitsOn}
                </Text>
              </div>
            ))}
            {v.blocked > v.blockedList.length && (
              <Text size="xs" c="dimmed">
                and {formatCount(v.blocked - v.blockedList.length)} more
              </Text>
            )}
          </Stack>
        </Alert>
      )}
    </Section>
  );
}
