import { type InviteUser, type UpdateUser, ZInviteResult, ZUserList } from '@mandap/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';

const ZUserResult = ZInviteResult;
const KEY = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api('/api/users', { schema: ZUserList, signal }),
    select: (d) => d.users,
  });
}

function useUserMutation<V>(fn: (v: V) => Promise<unknown>, failTitle: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
    onError: (err) => notifications.show({ color: 'red', title: failTitle, message: errorMessage(err) }),
  });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUser) => api('/api/users', { method: 'POST', body, schema: ZUserResult }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  return useUserMutation(
    ({ id, patch }: { id: string; patch: UpdateUser }) =>
      api(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: ZUserResult }),
    'Could not update the user',
  );
}

export function useSetUserActive() {
  return useUserMutation(
    ({ id, active }: { id: string; active: boolean }) =>
      api(`/api/users/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, {
        method: 'POST',
        schema: ZUserResult,
      }),
    'Could not change the account',
  );
}
