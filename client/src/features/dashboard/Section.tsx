import { Anchor, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A dashboard card: a title, an optional link to the full page, and its content. */
export function Section({
  title,
  link,
  linkLabel,
  testId,
  children,
}: {
  title: string;
  link?: string;
  linkLabel?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Text fw={600}>{title}</Text>
        {link && (
          <Anchor component={Link} to={link} size="sm">
            {linkLabel ?? 'Open'}
          </Anchor>
        )}
      </Group>
      {children}
    </Paper>
  );
}

/** A figure with its label, for the small counts inside a card. */
export function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
}) {
  return (
    <div>
      <Text fz={22} fw={700} lh={1.2} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
