import { ZEventList } from '@mandap/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export function useEvents() {
  return useQuery({
    queryKey: ['events'],
    queryFn: ({ signal }) => api('/api/events', { schema: ZEventList, signal }),
    select: (d) => d.events,
  });
}
