import type { InviteUser, UpdateUser } from '@mandap/shared/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

const KEY = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => call(edge.users.$get(undefined, withSignal(signal))),
    select: (d) => d.users,
  });
}

/** A change to one user; the form that sends it shows a refusal. */
function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export function useInviteUser() {
  return useUserMutation((json: InviteUser) => call(edge.users.$post({ json })));
}

export function useUpdateUser() {
  return useUserMutation(({ id, patch }: { id: string; patch: UpdateUser }) =>
    call(edge.users[':id'].$patch({ param: { id }, json: patch })),
  );
}

export function useSetUserActive() {
  return useUserMutation(({ id, active }: { id: string; active: boolean }) =>
    call(
      active
        ? edge.users[':id'].reactivate.$post({ param: { id } })
        : edge.users[':id'].deactivate.$post({ param: { id } }),
    ),
  );
}
