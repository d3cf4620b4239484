import { Alert, Container, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { HOUSE_NAME } from '../app/brand.ts';

/**
 * The page a public link shows when it does not open (withdrawn, expired, altered): why, in the
 * server's words, and whose link it was; nothing else. Used by the client's event page and the
 * shared brief.
 */
export function LinkRefused({
  title,
  children,
  tone = 'red',
  testId,
}: {
  title: string;
  children: ReactNode;
  /** Yellow for "try again later" (no network, a server error); red when the link itself is refused. */
  tone?: 'red' | 'yellow';
  testId?: string;
}) {
  return (
    <Container size="xs" py="xl">
      <Alert color={tone} title={title} data-testid={testId}>
        {children}
        <Text size="sm" mt="xs">
          {HOUSE_NAME}
        </Text>
      </Alert>
    </Container>
  );
}
