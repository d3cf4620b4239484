import { canOpenScreen, type Permission } from '@mandap/shared/access';
import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useMe } from './useSession.ts';

/**
 * Child routes render only for a role holding `permission` (and, with `staffOnly`, only for the
 * house's staff: a client or vendor who types an internal URL gets this page, never the screen);
 * the API enforces the same rule.
 */
export function RequirePermission({ permission, staffOnly = false }: { permission: Permission; staffOnly?: boolean }) {
  const me = useMe();
  if (canOpenScreen(me.role, permission, staffOnly)) return <Outlet />;
  return <NotAvailable />;
}

/** What a role sees on a screen it may not use: no data, no hint of what is behind it. */
export function NotAvailable() {
  return (
    <Center mih="50dvh" data-testid="not-available">
      <Stack align="center" gap="sm" ta="center" maw={420}>
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconLock size={28} />
        </ThemeIcon>
        <Title order={2} fz="xl">
          Not available for your role
        </Title>
        <Text c="dimmed" size="sm">
          Your account does not have access to this area. If you need it, ask a manager to change your role.
        </Text>
        <Button component={Link} to="/" variant="light">
          Go to the dashboard
        </Button>
      </Stack>
    </Center>
  );
}
