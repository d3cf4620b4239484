import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

const ZBell = z.object({
  unread: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      template: z.string(),
      text: z.string(),
      link: z.string().nullable(),
      at: z.string(),
      read: z.boolean(),
    }),
  ),
});

/** The bell polls: in-app messages are delivered by the job tick. */
export function useBell() {
  return useQuery({
    queryKey: ['notifications', 'mine'],
    queryFn: ({ signal }) => api('/api/notifications/mine', { schema: ZBell, signal }),
    refetchInterval: 30_000,
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/notifications/mine/read', { method: 'POST', body: {}, schema: z.looseObject({}) }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications', 'mine'] }),
  });
}
