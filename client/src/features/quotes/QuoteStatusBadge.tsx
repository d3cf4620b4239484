import type { QuoteStatus } from '@mandap/shared/quotes';
import { Badge } from '@mantine/core';

const COLORS: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  viewed: 'cyan',
  accepted: 'green',
  rejected: 'red',
  expired: 'orange',
  superseded: 'gray',
};

export function QuoteStatusBadge({ status, changeOrder }: { status: QuoteStatus; changeOrder?: boolean }) {
  return (
    <Badge color={COLORS[status]} variant={status === 'superseded' ? 'outline' : 'light'}>
      {status}
      {changeOrder ? ' · change order' : ''}
    </Badge>
  );
}
