import { Group, Text } from '@mantine/core';
import { APP_NAME } from './brand.ts';

const SIZES = { sm: { icon: 28, text: 'lg' }, lg: { icon: 44, text: '1.75rem' } } as const;

/** The Mandap mark: a canopy over two pillars, in maroon and marigold. */
export function Wordmark({ size = 'sm' }: { size?: keyof typeof SIZES }) {
  const s = SIZES[size];
  return (
    <Group gap={8} wrap="nowrap">
      <img src="/icon.svg" width={s.icon} height={s.icon} alt="" aria-hidden="true" />
      <Text fw={800} fz={s.text} c="maroon.8" style={{ letterSpacing: '-0.02em' }}>
        {APP_NAME}
      </Text>
    </Group>
  );
}
