import { hasPermission } from '@mandap/shared/access';
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useMe } from '../auth/useSession.ts';
import { useBell, useMarkAllRead } from './notifications.api.ts';

// The web-push control loads only when the bell opens, in a chunk of its own.
const PushDeviceSettings = lazy(() =>
  import('./PushDeviceSettings.tsx').then((m) => ({ default: m.PushDeviceSettings })),
);

/** The header bell: in-app notifications with an unread count. Loaded after the shell. */
export function NotificationBell() {
  const bell = useBell();
  const markAll = useMarkAllRead();
  const unread = bell.data?.unread ?? 0;
  // Web push is for staff (the server registers browsers for those who can read leads).
  const staff = hasPermission(useMe().role, 'leads:read');
  return (
    <Popover width={340} position="bottom-end" shadow="md">
      {/* The popup's ARIA attributes belong on the button, not on the badge's wrapper. */}
      <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap="xs">
            {bell.data?.items.length === 0 && (
              <Text size="sm" c="dimmed">
                Nothing yet.
              </Text>
            )}
            {bell.data?.items.map((n) => (
              <Stack key={n.id} gap={0}>
                <Text size="sm" fw={n.read ? 400 : 600}>
                  {n.link?.startsWith('/') ? (
                    <Anchor component={Link} to={n.link} size="sm" inherit>
                      {n.text}
                    </Anchor>
                  ) : (
                    n.text
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.at)}
                </Text>
              </Stack>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {staff && (
          <>
            <Divider my="xs" />
            <Suspense fallback={null}>
              <PushDeviceSettings />
            </Suspense>
          </>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
