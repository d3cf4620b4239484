import { formatMoney, type LeadSummary } from '@mandap/shared';
import { Stack, Table, Text } from '@mantine/core';
import { formatDate, humanize } from '../../lib/format.ts';
import { SourceBadge, StageBadge, TemperatureBadge } from './LeadBadges.tsx';

export function LeadsTable({ leads }: { leads: LeadSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover striped="even">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Lead</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th ta="right">Budget up to</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Received</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.code}
                    {l.phone ? ` · ${l.phone}` : ''}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <StageBadge stage={l.stage} />
                  <TemperatureBadge temperature={l.temperature} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <SourceBadge source={l.source} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.eventType ? humanize(l.eventType) : '—'}</Text>
                <Text size="xs" c="dimmed">
                  {[l.eventDate ? formatDate(l.eventDate) : null, l.city].filter(Boolean).join(' · ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" ff="monospace">
                  {l.budgetMaxMinor != null
                    ? formatMoney(
                        { amountMinor: l.budgetMaxMinor, currency: l.budgetCurrency },
                        { withDecimals: false },
                      )
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {l.ownerName ?? (
                    <Text span c="dimmed">
                      Unassigned
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(l.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
