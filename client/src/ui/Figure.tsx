import { Stack, Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small label over a figure (an amount, a count, a date): the summary blocks of cards and pages. */
export function Figure({
  label,
  children,
  testId,
  ...valueProps
}: { label: string; children: ReactNode; testId?: string } & TextProps) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId} {...valueProps}>
        {children}
      </Text>
    </Stack>
  );
}
