import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page crashes or its code fails to load (for example after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center" gap="sm" ta="center" maw={480}>
        <Title order={1} fz="xl">
          {chunkFailed ? 'A new version of Mandap is available' : 'Something went wrong on this page'}
        </Title>
        <Text c="dimmed" size="sm">
          {chunkFailed
            ? 'Reload to get the latest version.'
            : 'Reload to try again. If it keeps happening, tell the team what you were doing.'}
        </Text>
        {!chunkFailed && <Code block>{detail}</Code>}
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </Stack>
    </Center>
  );
}
