import { type CalendarType, ZCalendarEntries, ZCalendarFeed } from '@mandap/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

export interface CalendarFilters {
  from: string;
  to: string;
  owner: string | null;
  types: CalendarType[];
}

export function useCalendar(f: CalendarFilters) {
  const qs = new URLSearchParams({ from: f.from, to: f.to });
  if (f.owner) qs.set('owner', f.owner);
  qs.set('types', f.types.join(','));
  return useQuery({
    queryKey: ['calendar', f.from, f.to, f.owner, f.types.join(',')],
    queryFn: ({ signal }) => api(`/api/calendar?${qs}`, { schema: ZCalendarEntries, signal }),
    select: (d) => d.entries,
    placeholderData: keepPreviousData,
    enabled: f.types.length > 0,
  });
}

export function useMoveEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, start }: { type: CalendarType; id: string; start: string }) =>
      api(`/api/calendar/${type}/${id}`, {
        method: 'PATCH',
        body: { start },
        schema: z.object({ ok: z.literal(true) }),
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useFeedStatus() {
  return useQuery({
    queryKey: ['calendar-feed'],
    queryFn: ({ signal }) =>
      api('/api/calendar/feed', { schema: z.object({ createdAt: z.string().nullable() }), signal }),
  });
}

export function useRotateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/calendar/feed', { method: 'POST', schema: ZCalendarFeed }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/calendar/feed', { method: 'DELETE', schema: z.object({ ok: z.literal(true) }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}
