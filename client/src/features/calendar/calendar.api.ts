import type { CalendarType } from '@mandap/shared/calendar';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

export interface CalendarFilters {
  from: string;
  to: string;
  owner: string | null;
  types: CalendarType[];
}

export function useCalendar(f: CalendarFilters) {
  const query = { from: f.from, to: f.to, types: f.types.join(','), ...(f.owner ? { owner: f.owner } : {}) };
  return useQuery({
    queryKey: ['calendar', f.from, f.to, f.owner, f.types.join(',')],
    queryFn: ({ signal }) => call(edge.calendar.$get({ query }, withSignal(signal))),
    select: (d) => d.entries,
    placeholderData: keepPreviousData,
    enabled: f.types.length > 0,
  });
}

export function useMoveEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, start }: { type: CalendarType; id: string; start: string }) =>
      call(edge.calendar[':type'][':id'].$patch({ param: { type, id }, json: { start } })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useFeedStatus() {
  return useQuery({
    queryKey: ['calendar-feed'],
    queryFn: ({ signal }) => call(edge.calendar.feed.$get(undefined, withSignal(signal))),
  });
}

export function useRotateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(edge.calendar.feed.$post()),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(edge.calendar.feed.$delete()),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}
