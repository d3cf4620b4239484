import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { FormError } from '../../ui/FormError.tsx';
import { useSendSignInLink } from './signInLink.api.ts';

/** Staff: send the client a one-time sign-in link to this event's page, through the outbox. */
export function SignInLinkCard({ eventId }: { eventId: string }) {
  const send = useSendSignInLink(eventId);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb={4}>
        Sign-in link for the client
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        For a client with a login: a link that signs them in to this page. It works once, for one hour, and goes by
        email (and WhatsApp to the client's phone).
      </Text>
      <Group>
        <Button variant="light" loading={send.isPending} onClick={() => send.mutate()}>
          Send a sign-in link
        </Button>
      </Group>
      <FormError message={send.error?.message} />
      {send.data && (
        <Alert color="green" mt="sm" data-testid="sign-in-link-sent">
          Sent to {send.data.sent.map((s) => (s.whatsapp ? `${s.email} and ${s.whatsapp}` : s.email)).join(', ')}. It
          works for {send.data.expiresInMinutes} minutes.
        </Alert>
      )}
    </Paper>
  );
}
