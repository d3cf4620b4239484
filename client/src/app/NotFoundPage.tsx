import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center mih="50dvh">
      <Stack align="center" gap="sm" ta="center" maw={420}>
        <Text fz={56} fw={800} c="maroon.2" lh={1}>
          404
        </Text>
        <Title order={1} fz="xl">
          Page not found
        </Title>
        <Text c="dimmed" size="sm">
          There is nothing at this address. It may have moved, or the link may be mistyped.
        </Text>
        <Button component={Link} to="/" variant="light">
          Go to the dashboard
        </Button>
      </Stack>
    </Center>
  );
}
