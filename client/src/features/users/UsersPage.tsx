import { ROLE_LABELS, type Role } from '@mandap/shared/access';
import type { User } from '@mandap/shared/auth';
import { Button, Paper, SegmentedControl, Skeleton, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { ConfirmStatusModal } from './ConfirmStatusModal.tsx';
import { InviteUserModal } from './InviteUserModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { useSetUserActive, useUpdateUser, useUsers } from './useUsers.ts';

type Show = 'current' | 'deactivated' | 'all';

export function UsersPage() {
  const users = useUsers();
  const update = useUpdateUser();
  const setActive = useSetUserActive();
  const [inviteOpen, invite] = useDisclosure(false);
  const [confirming, setConfirming] = useState<User | null>(null);
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('current');

  const q = query.trim().toLowerCase();
  const shown = (users.data ?? [])
    .filter((u) =>
      show === 'all' ? true : show === 'deactivated' ? u.status === 'deactivated' : u.status !== 'deactivated',
    )
    .filter((u) => !q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q));

  function changeRole(user: User, role: Role) {
    update.mutate(
      { id: user.id, patch: { role } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Role changed',
            message: `${user.name} is now ${ROLE_LABELS[role]}.`,
          }),
      },
    );
  }

  function confirmToggle() {
    if (!confirming) return;
    const user = confirming;
    const active = user.status === 'deactivated';
    setActive.mutate(
      { id: user.id, active },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: active ? 'Account reactivated' : 'Account deactivated',
            message: active ? `${user.name} can sign in again.` : `${user.name} can no longer sign in.`,
          });
          setConfirming(null);
        },
      },
    );
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Users"
        description="Staff, vendors and clients who can sign in to the Gulmohar Events workspace."
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={invite.open}>
            Invite user
          </Button>
        }
      />
      <Stack gap="sm" style={{ flexDirection: 'row', flexWrap: 'wrap' }}>
        <TextInput
          aria-label="Search users"
          placeholder="Search by name or email"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
        />
        <SegmentedControl
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'current', label: 'Current' },
            { value: 'deactivated', label: 'Deactivated' },
            { value: 'all', label: 'All' },
          ]}
        />
      </Stack>
      {users.isPending ? (
        <Skeleton h={320} radius="lg" />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
          <UsersTable users={shown} onRoleChange={changeRole} onToggleActive={setConfirming} />
        </Paper>
      )}
      <InviteUserModal opened={inviteOpen} onClose={invite.close} />
      <ConfirmStatusModal
        user={confirming}
        busy={setActive.isPending}
        onConfirm={confirmToggle}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}
