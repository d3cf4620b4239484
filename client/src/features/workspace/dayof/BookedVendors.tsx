import type { VendorArrival } from '@mandap/shared/docs';
import {
  type AssignedVendor,
  arrivalForAssignment,
  type DayofDoc,
  formatCueTime,
  minutesInKolkata,
  parseCueTime,
  vendorsNotOnLog,
} from '@mandap/shared/docs';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

function BookedVendorRow({ vendor, day }: { vendor: AssignedVendor; day: DayofDoc }) {
  const fromAssignment = vendor.arrivalExpectedAt ? minutesInKolkata(vendor.arrivalExpectedAt) : null;
  const [time, setTime] = useState(fromAssignment === null ? '' : formatCueTime(fromAssignment));
  const expectedMin = parseCueTime(time);
  return (
    <Group justify="space-between" wrap="nowrap" data-testid="booked-vendor">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={500} truncate>
          {vendor.vendorName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {vendor.scope}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="md"
          w={120}
          type="time"
          aria-label={`${vendor.vendorName} expected at`}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
        <Button
          size="md"
          disabled={expectedMin === null}
          onClick={() => expectedMin !== null && day.arrivals.put(arrivalForAssignment(vendor, expectedMin))}
        >
          Expect
        </Button>
      </Group>
    </Group>
  );
}

/**
 * Vendors booked for the event (from their assignments) who are not on the arrival log yet:
 * set the expected time (pre-filled when the assignment has one) and add them in one tap.
 */
export function BookedVendors({
  assigned,
  log,
  day,
}: {
  assigned: AssignedVendor[];
  log: VendorArrival[];
  day: DayofDoc;
}) {
  const missing = vendorsNotOnLog(assigned, log);
  if (missing.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Booked for this event, not on the log yet
        </Text>
        {missing.map((v) => (
          <BookedVendorRow key={v.assignmentId} vendor={v} day={day} />
        ))}
      </Stack>
    </Card>
  );
}
