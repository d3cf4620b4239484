import type { User } from '@mandap/shared/auth';
import { Button, Paper, SegmentedControl, Skeleton, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { ConfirmStatusModal } from './ConfirmStatusModal.tsx';
import { InviteUserModal } from './InviteUserModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { useUsers } from './useUsers.ts';

type Show = 'current' | 'deactivated' | 'all';

export function UsersPage() {
  const users = useUsers();
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
          <UsersTable users={shown} onToggleActive={setConfirming} />
        </Paper>
      )}
      <InviteUserModal opened={inviteOpen} onClose={invite.close} />
      <ConfirmStatusModal user={confirming} onClose={() => setConfirming(null)} />
    </Stack>
  );
}
