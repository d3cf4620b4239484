import { type Assignment, ZRatingInput } from '@mandap/shared/vendors';
import { Alert, Button, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { todayInKolkata } from '../../lib/format.ts';
import { fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useRateVendor, useVendor } from './vendors.api.ts';

interface RatingValues {
  rating: number;
  notes: string;
}

/** The form's rules are the rating request's (1 to 5 stars, notes within their length). */
const ratingForm = (eventId: string) =>
  requestForm(ZRatingInput, (v: RatingValues) => ({
    eventId,
    rating: v.rating,
    notes: optionalText(v.notes)?.trim(),
  }));

/**
 * The event manager rates the vendor 1–5 for this event, with performance notes (one rating
 * per vendor and event; saving again replaces it). Offered once the work is delivered or the
 * event has begun; the average shows on the vendor's card and when choosing a vendor.
 */
export function RateVendorForm({
  assignment: a,
  rate: send,
}: {
  assignment: Assignment;
  /** Sends the checked rating; the edge unless a caller gives its own. */
  rate?: (request: { eventId: string; rating: number; notes?: string }) => Promise<unknown>;
}) {
  const vendor = useVendor(a.vendorId);
  const mine = vendor.data?.ratings.find((r) => r.eventId === a.eventId);
  const schema = useMemo(() => ratingForm(a.eventId), [a.eventId]);
  const form = useZodForm(schema, { rating: 0, notes: '' });
  const { errors } = form.formState;
  const rating = useField(form, 'rating');
  const rate = useRateVendor(a.vendorId);
  useEffect(() => {
    if (mine) form.reset({ rating: mine.rating, notes: mine.notes ?? '' });
  }, [mine, form]);
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await (send ?? rate.mutateAsync)(request);
    notifications.show({
      color: 'green',
      title: 'Rating saved',
      message: `${a.vendorName}: ${request.rating} of 5 for ${a.eventName}.`,
    });
  });

  const ready = ['delivered', 'paid'].includes(a.status) || a.eventStartDate <= todayInKolkata();
  if (a.status === 'cancelled')
    return (
      <Text size="sm" c="dimmed">
        A cancelled assignment is not rated.
      </Text>
    );
  if (!ready)
    return (
      <Text size="sm" c="dimmed">
        Rate {a.vendorName} once the work is delivered or the event has begun.
      </Text>
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Rate ${a.vendorName}`}>
      <Stack gap="xs" data-testid="rate-vendor">
        <Group gap="sm">
          <Rating value={rating.value} onChange={rating.onChange} size="lg" aria-label={`Rating for ${a.vendorName}`} />
          <Text size="sm" c="dimmed">
            {rating.value ? `${rating.value} of 5` : 'Not rated for this event'}
          </Text>
        </Group>
        {rating.error && (
          <Text size="sm" c="red" role="alert">
            {rating.error}
          </Text>
        )}
        <Textarea
          label="Performance notes"
          placeholder="On time? Quality? Anything to remember next time?"
          autosize
          minRows={2}
          maxLength={2000}
          {...form.register('notes')}
          error={fieldError(errors.notes?.message)}
        />
        {error && (
          <Alert color="red" variant="light" title="Not saved">
            {error}
          </Alert>
        )}
        <Group>
          <Button size="xs" type="submit" loading={submitting}>
            {mine ? 'Update rating' : 'Save rating'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
