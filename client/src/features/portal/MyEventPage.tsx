import { Alert, Container } from '@mantine/core';
import { useParams } from 'react-router';
import { FullPageLoader } from '../../app/FullPageLoader.tsx';
import { EventPortal } from './EventPortal.tsx';
import { usePortalSession } from './portal.api.ts';

/** /portal/events/:eventId: a signed-in client's event page (staff see the same page as a preview). */
export function MyEventPage() {
  const { eventId = '' } = useParams();
  const session = usePortalSession(eventId);
  if (session.isPending) return <FullPageLoader label="Opening your event…" />;
  if (session.isError)
    return (
      <Container size="xs" py="xl">
        <Alert color="red" title="This event is not available">
          {session.error.message}
        </Alert>
      </Container>
    );
  return <EventPortal token={session.data} />;
}
