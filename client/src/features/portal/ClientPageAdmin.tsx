import { Button, Stack } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useEvent } from '../workspace/useEvent.ts';
import { PortalLinksCard } from './PortalLinksCard.tsx';
import { PreparationStepsCard } from './PreparationStepsCard.tsx';
import { SignInLinkCard } from './SignInLinkCard.tsx';

/** /events/:eventId/client-page: staff share and withdraw the client's page and choose what it shows. */
export function ClientPageAdmin() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  if (event.isError) return <QueryError error={event.error} />;
  return (
    <Stack gap="md">
      <PageHeader
        title={event.data ? `Client page · ${event.data.name}` : 'Client page'}
        description="What the client sees of this event, live: status, preparation, brief, quotations and payments."
        actions={
          <Button
            component={Link}
            to={`/portal/events/${eventId}`}
            variant="light"
            leftSection={<IconExternalLink size={16} />}
          >
            Preview as the client
          </Button>
        }
      />
      <PortalLinksCard eventId={eventId} />
      <SignInLinkCard eventId={eventId} />
      <PreparationStepsCard eventId={eventId} />
    </Stack>
  );
}
