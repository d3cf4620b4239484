import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchResult } from '@mandap/shared/search';
import { Badge, Group, Loader, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, edge, withSignal } from '../../api/rpc.ts';

function useSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: ['search', trimmed],
    queryFn: ({ signal }) => call(edge.search.$get({ query: { q: trimmed, limit: '30' } }, withSignal(signal))),
    enabled: trimmed.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    select: (d) => d.results,
  });
}

/**
 * The Ctrl/⌘-K palette: type a name, a phone in any format, a code or a GSTIN; arrows move,
 * Enter opens. The server returns only records this user may open, grouped here by kind.
 */
export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 150);
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const search = useSearch(debounced);
  const results = useMemo(() => {
    const rows = search.data ?? [];
    // Grouped by kind, in a fixed order; the arrow keys walk them in this order.
    return SEARCH_KINDS.flatMap((k) => rows.filter((r) => r.kind === k));
  }, [search.data]);

  const go = (r: SearchResult) => {
    onClose();
    setQ('');
    navigate(r.href);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      go(results[active]);
    }
  };

  const short = q.trim().length < 2;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      withCloseButton={false}
      size="lg"
      padding={0}
      radius="md"
      yOffset="8vh"
      title={null}
      aria-label="Search"
    >
      <TextInput
        data-autofocus
        size="md"
        variant="unstyled"
        px="md"
        py={6}
        leftSection={search.isFetching ? <Loader size={16} /> : <IconSearch size={18} />}
        placeholder="Name, phone, code (LD-2026-0001) or GSTIN"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKey}
        aria-label="Search for"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      />
      <ScrollArea.Autosize mah="60vh">
        <Stack gap={0} p="xs" role="listbox" aria-label="Search results">
          {short ? (
            <Text size="sm" c="dimmed" p="sm">
              Type at least two letters or digits.
            </Text>
          ) : search.isError ? (
            <Text size="sm" c="red" p="sm">
              {search.error.message}
            </Text>
          ) : results.length === 0 && !search.isFetching ? (
            <Text size="sm" c="dimmed" p="sm">
              Nothing you can open matches “{q.trim()}”.
            </Text>
          ) : (
            results.map((r, i) => (
              <UnstyledButton
                key={`${r.kind}:${r.id}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(r)}
                px="sm"
                py={8}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: i === active ? 'var(--mantine-color-maroon-0, var(--mantine-color-gray-1))' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {r.title}
                    </Text>
                    {r.subtitle && (
                      <Text size="xs" c="dimmed" truncate>
                        {r.subtitle}
                      </Text>
                    )}
                  </div>
                  <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                    {SEARCH_KIND_LABELS[r.kind].replace(/s$/, '')}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
