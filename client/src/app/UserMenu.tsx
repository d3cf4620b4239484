import { ROLE_LABELS } from '@mandap/shared/access';
import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { endSession } from '../api/session.ts';
import { useMe } from '../features/auth/useSession.ts';
import { queryClient } from './query.tsx';

const ChangePasswordModal = lazy(() => import('../features/auth/ChangePasswordModal.tsx'));

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

export function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const [pwOpen, pw] = useDisclosure(false);

  async function signOut() {
    try {
      await endSession();
    } catch {
      // The local session is gone either way.
    }
    queryClient.clear();
    navigate('/login', { replace: true });
  }

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label="Account menu" px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap="xs" wrap="nowrap">
              <Avatar color="maroon" radius="xl" size={34}>
                {initials(me.name)}
              </Avatar>
              <div style={{ lineHeight: 1.1 }}>
                <Text size="sm" fw={600} visibleFrom="sm" lineClamp={1}>
                  {me.name}
                </Text>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {ROLE_LABELS[me.role]}
                </Text>
              </div>
              <IconChevronDown size={16} stroke={1.6} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)">
              {me.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {me.email}
            </Text>
            <Badge mt={6} variant="light" color="marigold" size="sm">
              {ROLE_LABELS[me.role]}
            </Badge>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} />} onClick={pw.open}>
            Change password
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={signOut}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {pwOpen && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
        </Suspense>
      )}
    </>
  );
}
