import { newId } from '@mandap/shared/common';
import { type DayofDoc, ZClockTime, ZVendorArrival } from '@mandap/shared/docs';
import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { fieldError, requestForm, useSubmit, useZodForm } from '../../../ui/form.ts';

/** A vendor not booked through the app, as typed: the expected time as the time box holds it (`09:30`). */
interface ArrivalValues {
  vendorName: string;
  scope: string;
  expectedMin: string;
}

/** The arrival-log entry's own rules (its shared schema), with the expected time typed as a time of day. */
const ZArrivalForm = requestForm(
  ZVendorArrival.pick({ vendorName: true, scope: true }).extend({ expectedMin: ZClockTime }),
  (v: ArrivalValues) => v,
  { expectedMin: 'enter when they are expected' },
);

const BLANK: ArrivalValues = { vendorName: '', scope: '', expectedMin: '' };

/** Adds a vendor typed in on the day to the arrival log (no assignment behind it). */
export function AddArrivalForm({ day }: { day: DayofDoc }) {
  const form = useZodForm(ZArrivalForm, BLANK);
  const { errors } = form.formState;
  const { onSubmit } = useSubmit(form, (arrival) => {
    day.arrivals.put({ id: newId(), assignmentId: null, ...arrival, actualMin: null, loggedByName: null });
    form.reset(BLANK);
    form.setFocus('vendorName');
  });

  return (
    <Card withBorder radius="md" padding="sm">
      <form onSubmit={onSubmit} noValidate aria-label="Add a vendor not booked">
        <Stack gap="xs">
          <Group gap="xs" grow align="flex-start">
            <TextInput
              size="md"
              aria-label="Vendor"
              placeholder="Vendor, e.g. Shree Decorators"
              {...form.register('vendorName')}
              error={fieldError(errors.vendorName?.message)}
            />
            <TextInput
              size="md"
              aria-label="Scope"
              placeholder="Scope, e.g. Florals"
              {...form.register('scope')}
              error={fieldError(errors.scope?.message)}
            />
          </Group>
          <Group gap="xs" grow align="flex-start">
            <TextInput
              size="md"
              aria-label="Expected at"
              type="time"
              {...form.register('expectedMin')}
              error={fieldError(errors.expectedMin?.message)}
            />
            <Button size="md" type="submit">
              Add expected vendor
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
