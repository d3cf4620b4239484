import type { User } from '@mandap/shared/auth';
import { Badge } from '@mantine/core';

const STYLE: Record<User['status'], { color: string; label: string }> = {
  active: { color: 'green', label: 'Active' },
  invited: { color: 'marigold', label: 'Invited' },
  deactivated: { color: 'gray', label: 'Deactivated' },
};

export function UserStatusBadge({ status }: { status: User['status'] }) {
  const s = STYLE[status];
  return (
    <Badge color={s.color} variant="light">
      {s.label}
    </Badge>
  );
}
