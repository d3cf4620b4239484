import { isScopedRole } from '@mandap/shared/access';
import { Button } from '@mantine/core';
import { IconDeviceMobile } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/useSession.ts';

/**
 * On an event card: a client opens their live page; staff open the page's links and steps.
 * A button, not a second link: the card's one link is its title.
 */
export function ClientPageLink({ eventId }: { eventId: string }) {
  const me = useMe();
  const navigate = useNavigate();
  if (me.role === 'vendor') return null;
  const client = isScopedRole(me.role);
  return (
    <Button
      variant="light"
      size="compact-sm"
      leftSection={<IconDeviceMobile size={14} />}
      onClick={() => navigate(client ? `/portal/events/${eventId}` : `/events/${eventId}/client-page`)}
      style={{ alignSelf: 'flex-start' }}
    >
      {client ? 'Open your event page' : 'Client page'}
    </Button>
  );
}
