import { Box, Center, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { HOUSE_NAME } from '../../app/brand.ts';
import { Wordmark } from '../../app/Wordmark.tsx';

/** The frame for signed-out pages: brand on top, one card in the middle. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Box
      mih="100dvh"
      px="md"
      py="xl"
      style={{
        background:
          'radial-gradient(circle at 20% 0%, var(--mantine-color-marigold-1), transparent 45%), radial-gradient(circle at 100% 100%, var(--mantine-color-maroon-1), transparent 50%), var(--mantine-color-body)',
      }}
    >
      <Center mih="calc(100dvh - 4rem)">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={4}>
            <Wordmark size="lg" />
            <Text c="dimmed" size="sm">
              {HOUSE_NAME}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Stack gap="xs" mb="lg">
              <Text component="h1" fw={700} fz="xl" m={0}>
                {title}
              </Text>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
