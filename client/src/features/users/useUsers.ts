import type { InviteUser, UpdateUser } from '@mandap/shared/auth';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors.ts';
import { call, edge, withSignal } from '../../api/rpc.ts';

const KEY = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => call(edge.users.$get(undefined, withSignal(signal))),
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
    mutationFn: (json: InviteUser) => call(edge.users.$post({ json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useUpdateUser() {
  return useUserMutation(
    ({ id, patch }: { id: string; patch: UpdateUser }) =>
      call(edge.users[':id'].$patch({ param: { id }, json: patch })),
    'Could not update the user',
  );
}

export function useSetUserActive() {
  return useUserMutation(
    ({ id, active }: { id: string; active: boolean }) =>
      call(
        active
          ? edge.users[':id'].reactivate.$post({ param: { id } })
          : edge.users[':id'].deactivate.$post({ param: { id } }),
      ),
    'Could not change the account',
  );
}
