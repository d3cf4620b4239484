import { useQuery } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

export function useEvents() {
  return useQuery({
    queryKey: ['events'],
    queryFn: ({ signal }) => call(edge.events.$get(undefined, withSignal(signal))),
    select: (d) => d.events,
  });
}
