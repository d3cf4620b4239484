import { BOOKING_STATE_LABELS, type BookingState } from '@mandap/shared';
import { Badge } from '@mantine/core';

const COLORS: Record<BookingState, string> = {
  enquiry: 'gray',
  discussion: 'blue',
  proposal_sent: 'indigo',
  deposit_paid: 'teal',
  active_preparation: 'marigold.8',
  event_day: 'maroon',
  completed: 'green',
  cancelled: 'red',
};

export function EventStatusBadge({ status }: { status: BookingState }) {
  return (
    <Badge color={COLORS[status]} variant="light">
      {BOOKING_STATE_LABELS[status]}
    </Badge>
  );
}
