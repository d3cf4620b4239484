import { Alert, Anchor, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { redeemSignInLink } from './signInLink.api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Opens a one-time sign-in link (/m/:token?event=…): signs the client in and goes to their event
 * page. A used, expired or altered link shows the server's reason and what to do.
 */
export function SignInLinkPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // Once only: the link works once, so a second render must not spend it again.
    if (started.current) return;
    started.current = true;
    const event = params.get('event');
    redeemSignInLink(token)
      .then(() => navigate(event && UUID.test(event) ? `/portal/events/${event}` : '/', { replace: true }))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : 'This link could not sign you in.'));
  }, [token, params, navigate]);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" maw={440} w="100%">
        {error ? (
          <Stack gap="sm">
            <Title order={1} fz="xl">
              This link did not sign you in
            </Title>
            <Alert color="red" data-testid="sign-in-link-error">
              {error}
            </Alert>
            <Text size="sm">
              Ask the event team to send a new link, or{' '}
              <Anchor component={Link} to="/login">
                sign in with your password
              </Anchor>
              .
            </Text>
          </Stack>
        ) : (
          <Stack align="center" gap="sm">
            <Loader />
            <Text>Signing you in…</Text>
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
