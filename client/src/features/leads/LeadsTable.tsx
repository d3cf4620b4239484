import { formatPhone, type LEAD_SORTS, type LeadSummary } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import { Box, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { formatDate, humanize } from '../../lib/format.ts';
import { SourceBadge, StageBadge, TemperatureBadge } from './LeadBadges.tsx';
import { fetchLeads, type LeadFilters } from './leads.api.ts';

const PAGE = 200;
const ROW_HEIGHT = 56;
const features = tableFeatures({ rowSortingFeature });
const col = createColumnHelper<typeof features, LeadSummary>();

const columns = col.columns([
  col.accessor('name', {
    header: 'Lead',
    cell: (c) => (
      <Stack gap={0}>
        <Text size="sm" fw={600} lineClamp={1}>
          {c.row.original.name}
        </Text>
        <Text size="xs" c="dimmed">
          {c.row.original.code}
          {c.row.original.phone ? ` · ${formatPhone(c.row.original.phone)}` : ''}
        </Text>
      </Stack>
    ),
  }),
  col.accessor('stage', { header: 'Stage', enableSorting: false, cell: (c) => <StageBadge stage={c.getValue()} /> }),
  col.accessor('temperature', {
    header: 'Temp.',
    enableSorting: false,
    cell: (c) => <TemperatureBadge temperature={c.getValue()} />,
  }),
  col.accessor('source', {
    header: 'Source',
    enableSorting: false,
    cell: (c) => <SourceBadge source={c.getValue()} />,
  }),
  col.accessor('eventDate', {
    header: 'Event',
    cell: (c) => (
      <Stack gap={0}>
        <Text size="sm">{c.row.original.eventType ? humanize(c.row.original.eventType) : '—'}</Text>
        <Text size="xs" c="dimmed">
          {[c.getValue() ? formatDate(c.getValue()) : null, c.row.original.city].filter(Boolean).join(' · ') || '—'}
        </Text>
      </Stack>
    ),
  }),
  col.accessor('budgetMaxMinor', {
    id: 'budget',
    header: 'Budget up to',
    cell: (c) => (
      <Text size="sm" ff="monospace" ta="right">
        {c.getValue() != null
          ? formatMoney(
              { amountMinor: c.getValue()!, currency: c.row.original.budgetCurrency },
              { withDecimals: false },
            )
          : '—'}
      </Text>
    ),
  }),
  col.accessor('ownerName', {
    header: 'Owner',
    enableSorting: false,
    cell: (c) => <Text size="sm">{c.getValue() ?? '—'}</Text>,
  }),
  col.accessor('nextFollowUpAt', {
    header: 'Follow-up',
    cell: (c) => <Text size="sm">{c.getValue() ? formatDate(c.getValue()) : '—'}</Text>,
  }),
  col.accessor('createdAt', { header: 'Received', cell: (c) => <Text size="sm">{formatDate(c.getValue())}</Text> }),
]);

const TEMPLATE = 'minmax(200px,2fr) 150px 90px 150px minmax(140px,1.2fr) 130px 130px 110px 110px';

/**
 * Every lead matching the filters, sorted on the server, fetched a page at a time as you
 * scroll; only the visible rows are in the DOM, so 100k leads stay smooth.
 */
export function LeadsTable({
  filters,
  sorting,
  onSortingChange,
  onOpen,
}: {
  filters: LeadFilters;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  onOpen: (id: string) => void;
}) {
  const sort = sorting[0];
  const query = {
    ...filters,
    sort: (sort?.id ?? 'createdAt') as (typeof LEAD_SORTS)[number],
    dir: sort?.desc === false ? 'asc' : 'desc',
  } as const;
  const pages = useInfiniteQuery({
    queryKey: ['leads', 'table', query],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => fetchLeads({ ...query, limit: PAGE, offset: pageParam }, signal),
    getNextPageParam: (last, all) => (all.length * PAGE < last.total ? all.length * PAGE : undefined),
  });
  const data = useMemo(() => pages.data?.pages.flatMap((p) => p.leads) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total ?? 0;

  const table = useTable({
    features,
    columns,
    data,
    manualSorting: true,
    state: { sorting },
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getRowId: (r) => r.id,
  });
  const rows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= data.length - 20 && pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
  }, [lastIndex, data.length, pages]);

  return (
    <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
      <Box style={{ overflowX: 'auto' }}>
        <Box miw={1100} role="table" aria-label="Leads" aria-rowcount={total + 1}>
          <Box
            role="row"
            aria-rowindex={1}
            style={{
              display: 'grid',
              gridTemplateColumns: TEMPLATE,
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
            bg="gray.0"
          >
            {table.getHeaderGroups()[0]!.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              const Icon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconArrowsSort;
              return (
                <Box key={h.id} role="columnheader" px="sm" py={8}>
                  {h.column.getCanSort() ? (
                    <UnstyledButton
                      onClick={h.column.getToggleSortingHandler()}
                      aria-label={`Sort by ${String(h.column.columnDef.header)}`}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                          {String(h.column.columnDef.header)}
                        </Text>
                        <Icon size={12} opacity={sorted ? 1 : 0.4} />
                      </Group>
                    </UnstyledButton>
                  ) : (
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                      {String(h.column.columnDef.header)}
                    </Text>
                  )}
                </Box>
              );
            })}
          </Box>
          {/* Focusable, so the keyboard can scroll it; each row opens its lead with Enter or Space. */}
          <Box
            ref={scrollRef}
            h="min(65vh, 720px)"
            style={{ overflowY: 'auto' }}
            data-testid="leads-table-scroll"
            tabIndex={0}
            role="rowgroup"
            aria-label="Leads, scroll for more"
          >
            <Box style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((vi) => {
                const row = rows[vi.index];
                return (
                  <Box
                    key={vi.key}
                    role="row"
                    aria-rowindex={vi.index + 2}
                    tabIndex={row ? 0 : undefined}
                    onClick={row ? () => onOpen(row.original.id) : undefined}
                    onKeyDown={
                      row
                        ? (e) => {
                            if (e.key === 'Enter' || e.key === ' ') {
                              e.preventDefault();
                              onOpen(row.original.id);
                            }
                          }
                        : undefined
                    }
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${vi.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: TEMPLATE,
                      alignItems: 'center',
                      borderBottom: '1px solid var(--mantine-color-gray-2)',
                      cursor: row ? 'pointer' : 'default',
                    }}
                  >
                    {row ? (
                      row.getAllCells().map((cell) => (
                        <Box key={cell.id} role="cell" px="sm" style={{ overflow: 'hidden' }}>
                          <table.FlexRender cell={cell} />
                        </Box>
                      ))
                    ) : (
                      <Box role="cell" px="sm">
                        <Loader size="xs" />
                      </Box>
                    )}
                  </Box>
                );
              })}
            </Box>
          </Box>
        </Box>
      </Box>
    </Paper>
  );
}
