import type { Milestone } from '@mandap/shared/payments';
import { Badge } from '@mantine/core';

export const MILESTONE_COLORS: Record<Milestone['status'], string> = {
  pending: 'gray',
  partially_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
  waived: 'blue',
};
const STATUS_LABELS: Record<Milestone['status'], string> = {
  pending: 'Pending',
  partially_paid: 'Partly paid',
  paid: 'Paid',
  overdue: 'Overdue',
  waived: 'Waived',
};

/** A milestone's status as a coloured badge (Pending, Partly paid, Paid, Overdue, Waived). */
export function MilestoneStatusBadge({ status }: { status: Milestone['status'] }) {
  return (
    <Badge color={MILESTONE_COLORS[status]} variant="light">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
