import type { Permission } from '@mandap/shared';
import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useMe } from './useSession.ts';

/** Child routes render only for a role holding `permission`; the API enforces the same rule. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const me = useMe();
  if (me.permissions.includes(permission)) return <Outlet />;
  return (
    <Center mih="50dvh">
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
