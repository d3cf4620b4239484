import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

/** The bell polls: in-app messages are delivered by the job tick. */
export function useBell() {
  return useQuery({
    queryKey: ['notifications', 'mine'],
    queryFn: ({ signal }) => call(edge.notifications.mine.$get(undefined, withSignal(signal))),
    refetchInterval: 30_000,
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(edge.notifications.mine.read.$post({ json: {} })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications', 'mine'] }),
  });
}
