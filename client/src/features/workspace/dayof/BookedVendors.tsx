import type { VendorArrival } from '@mandap/shared/docs';
import {
  type AssignedVendor,
  arrivalForAssignment,
  type DayofDoc,
  formatCueTime,
  minutesInKolkata,
  vendorsNotOnLog,
  ZClockTime,
} from '@mandap/shared/docs';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { z } from 'zod';
import { fieldError, requestForm, useSubmit, useZodForm } from '../../../ui/form.ts';

/** The expected time as the time box holds it (`09:30`), read by the one time-of-day rule. */
const ZExpectForm = requestForm(z.object({ expectedMin: ZClockTime }), (v: { expectedMin: string }) => v, {
  expectedMin: 'enter when they are expected',
});

function BookedVendorRow({ vendor, day }: { vendor: AssignedVendor; day: DayofDoc }) {
  const fromAssignment = vendor.arrivalExpectedAt ? minutesInKolkata(vendor.arrivalExpectedAt) : null;
  const form = useZodForm(ZExpectForm, {
    expectedMin: fromAssignment === null ? '' : formatCueTime(fromAssignment),
  });
  const { onSubmit } = useSubmit(form, ({ expectedMin }) =>
    day.arrivals.put(arrivalForAssignment(vendor, expectedMin)),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Expect ${vendor.vendorName}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid="booked-vendor">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={500} truncate>
            {vendor.vendorName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {vendor.scope}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            size="md"
            w={120}
            type="time"
            aria-label={`${vendor.vendorName} expected at`}
            {...form.register('expectedMin')}
            error={fieldError(form.formState.errors.expectedMin?.message)}
          />
          <Button size="md" type="submit">
            Expect
          </Button>
        </Group>
      </Group>
    </form>
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
