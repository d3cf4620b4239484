import { type Currency, formatMoney } from '@mandap/shared/money';
import { DIFF_LINE_FIELDS, type QuoteDetail } from '@mandap/shared/quotes';
import { Alert, Badge, Group, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime, humanize } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { useQuoteDiff } from './quotes.api.ts';

function show(field: string, value: unknown, currency: Currency): string {
  if (value === null || value === undefined) return '—';
  if (field === 'rateMinor' && typeof value === 'number') return formatMoney({ amountMinor: value, currency });
  if (field === 'discount' && typeof value === 'object') {
    const d = value as { kind: string; percent?: number; amountMinor?: number };
    return d.kind === 'percent' ? `${d.percent}%` : formatMoney({ amountMinor: d.amountMinor ?? 0, currency });
  }
  return String(value);
}

/** Every version with its status, and what changed between any two. */
export function VersionsPanel({ detail }: { detail: QuoteDetail }) {
  const numbers = detail.versions.map((v) => String(v.version));
  const [from, setFrom] = useState<string | null>(numbers.length > 1 ? numbers.at(-2)! : null);
  const [to, setTo] = useState<string | null>(numbers.at(-1) ?? null);
  const diff = useQuoteDiff(detail.quote.id, from ? Number(from) : null, to ? Number(to) : null);
  const currency = detail.quote.currency;
  const money = (m: number) => formatMoney({ amountMinor: m, currency });

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={0} style={{ overflow: 'auto' }}>
        <Table verticalSpacing="xs" miw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Sent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td fw={600}>v{v.version}</Table.Td>
                <Table.Td>
                  <QuoteStatusBadge status={v.status} changeOrder={v.isChangeOrder} />
                </Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(v.sentAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {numbers.length < 2 ? (
        <Text c="dimmed" size="sm">
          Only one version so far: a diff appears once there are two.
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="sm">
            <Select
              label="Compare"
              data={numbers.map((n) => ({ value: n, label: `v${n}` }))}
              value={from}
              onChange={setFrom}
              w={110}
            />
            <Select
              label="with"
              data={numbers.map((n) => ({ value: n, label: `v${n}` }))}
              value={to}
              onChange={setTo}
              w={110}
            />
          </Group>
          {from === to ? (
            <Text c="dimmed" size="sm">
              Pick two different versions.
            </Text>
          ) : diff.isPending ? (
            <Skeleton h={120} />
          ) : diff.isError ? (
            <QueryError error={diff.error} onRetry={() => diff.refetch()} />
          ) : (
            <Paper withBorder radius="md" p="md" data-testid="version-diff">
              <Stack gap="xs">
                {diff.data.diff.added.map((l) => (
                  <Group key={`a${l.key}`} gap="xs">
                    <Badge color="green" variant="light">
                      added
                    </Badge>
                    <Text size="sm">
                      {l.description} · {l.quantity} {l.unit} × {money(l.rateMinor)}
                    </Text>
                  </Group>
                ))}
                {diff.data.diff.removed.map((l) => (
                  <Group key={`r${l.key}`} gap="xs">
                    <Badge color="red" variant="light">
                      removed
                    </Badge>
                    <Text size="sm" td="line-through">
                      {l.description}
                    </Text>
                  </Group>
                ))}
                {diff.data.diff.changed.map((c) => (
                  <Group key={`c${c.key}`} gap="xs" align="flex-start">
                    <Badge color="blue" variant="light">
                      changed
                    </Badge>
                    <Text size="sm">
                      {c.after.description}:{' '}
                      {c.changes
                        .filter((ch) => DIFF_LINE_FIELDS.includes(ch.field))
                        .map(
                          (ch) =>
                            `${humanize(ch.field.replace('Minor', ''))} ${show(ch.field, ch.before, currency)} → ${show(ch.field, ch.after, currency)}`,
                        )
                        .join('; ')}
                    </Text>
                  </Group>
                ))}
                {diff.data.diff.added.length + diff.data.diff.removed.length + diff.data.diff.changed.length === 0 && (
                  <Alert color="gray">The lines are the same in both versions.</Alert>
                )}
                <Table fz="sm" mt="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th />
                      <Table.Th ta="right">v{diff.data.from.version}</Table.Th>
                      <Table.Th ta="right">v{diff.data.to.version}</Table.Th>
                      <Table.Th ta="right">Change</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {diff.data.diff.totals.map((t) => (
                      <Table.Tr key={t.field}>
                        <Table.Td>{humanize(t.field.replace('Minor', ''))}</Table.Td>
                        <Table.Td ta="right">{money(t.beforeMinor)}</Table.Td>
                        <Table.Td ta="right">{money(t.afterMinor)}</Table.Td>
                        <Table.Td ta="right" c={t.deltaMinor > 0 ? 'red' : t.deltaMinor < 0 ? 'green' : 'dimmed'}>
                          {t.deltaMinor > 0 ? '+' : t.deltaMinor < 0 ? '−' : ''}
                          {money(Math.abs(t.deltaMinor))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </Stack>
  );
}
