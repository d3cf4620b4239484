import { BOOKING_STATE_LABELS, type BookingState } from '@mandap/shared/events';
import { Badge } from '@mantine/core';

const COLORS: Record<BookingState, string> = {
  enquiry: 'gray',
  discussion: 'blue',
  proposal_sent: 'indigo',
  deposit_paid: 'teal',
  active_preparation: 'marigold',
  event_day: 'maroon',
  completed: 'green',
  cancelled: 'red',
};

export function EventStatusBadge({ status }: { status: BookingState }) {
  return (
    <Badge color={COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
      {BOOKING_STATE_LABELS[status]}
    </Badge>
  );
}
