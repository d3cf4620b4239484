import { canAssignRole, ROLE_LABELS } from '@mandap/shared/access';
import type { User } from '@mandap/shared/auth';
import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { useMe } from '../auth/useSession.ts';
import { assignableRoleOptions } from './assignableRoles.ts';
import { UserRoleSelect } from './UserRoleSelect.tsx';
import { UserStatusBadge } from './UserStatusBadge.tsx';

export function UsersTable({ users, onToggleActive }: { users: User[]; onToggleActive: (user: User) => void }) {
  const me = useMe();
  const options = assignableRoleOptions(me.role);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>User</Table.Th>
            <Table.Th w={200}>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th ta="right">Access</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => {
            const self = u.id === me.id;
            // Changing someone's role needs the right to grant both their current and their new role.
            const editable = !self && canAssignRole(me.role, u.role);
            return (
              <Table.Tr key={u.id} data-testid={`user-row-${u.email}`}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={600}>
                      {u.name}{' '}
                      {self && (
                        <Badge size="xs" variant="light" color="gray">
                          You
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {u.email}
                      {u.phone ? ` · ${u.phone}` : ''}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    // Keyed by the role held: a change made elsewhere starts the cell afresh.
                    <UserRoleSelect key={u.role} user={u} options={options} />
                  ) : (
                    <Text size="sm">{ROLE_LABELS[u.role]}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <UserStatusBadge status={u.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Never'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {editable && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color={u.status === 'deactivated' ? 'teal' : 'red'}
                      onClick={() => onToggleActive(u)}
                    >
                      {u.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
