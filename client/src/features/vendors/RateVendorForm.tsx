import type { Assignment } from '@mandap/shared';
import { Alert, Button, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { todayInKolkata } from '../../lib/format.ts';
import { useRateVendor, useVendor } from './vendors.api.ts';

/**
 * The event manager rates the vendor 1–5 for this event, with performance notes (one rating
 * per vendor and event; saving again replaces it). Offered once the work is delivered or the
 * event has begun; the average shows on the vendor's card and when choosing a vendor.
 */
export function RateVendorForm({ assignment: a }: { assignment: Assignment }) {
  const vendor = useVendor(a.vendorId);
  const mine = vendor.data?.ratings.find((r) => r.eventId === a.eventId);
  const [rating, setRating] = useState(0);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rate = useRateVendor(a.vendorId);
  useEffect(() => {
    if (mine) {
      setRating(mine.rating);
      setNotes(mine.notes ?? '');
    }
  }, [mine]);

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

  async function submit() {
    setError(null);
    if (rating < 1) return setError('Choose 1 to 5 stars.');
    try {
      await rate.mutateAsync({ eventId: a.eventId, rating, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      notifications.show({
        color: 'green',
        title: 'Rating saved',
        message: `${a.vendorName}: ${rating} of 5 for ${a.eventName}.`,
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="xs" data-testid="rate-vendor">
      <Group gap="sm">
        <Rating value={rating} onChange={setRating} size="lg" aria-label={`Rating for ${a.vendorName}`} />
        <Text size="sm" c="dimmed">
          {rating ? `${rating} of 5` : 'Not rated for this event'}
        </Text>
      </Group>
      <Textarea
        label="Performance notes"
        placeholder="On time? Quality? Anything to remember next time?"
        autosize
        minRows={2}
        maxLength={2000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" variant="light" title="Not saved">
          {error}
        </Alert>
      )}
      <Group>
        <Button size="xs" onClick={submit} loading={rate.isPending}>
          {mine ? 'Update rating' : 'Save rating'}
        </Button>
      </Group>
    </Stack>
  );
}
