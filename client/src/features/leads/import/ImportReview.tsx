import { formatPhone, type ImportBatchView } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import { formatIndianDate } from '@mandap/shared/time';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { decideImport, useImportReview } from './imports.api.ts';

const FIELDS: [string, string][] = [
  ['code', 'Record'],
  ['name', 'Name'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['eventType', 'Event type'],
  ['eventDateFrom', 'Event date'],
  ['city', 'City'],
  ['venue', 'Venue'],
  ['guestCount', 'Guests'],
  ['budgetMaxMinor', 'Budget up to'],
  ['requirements', 'Notes'],
];

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'phone') return formatPhone(String(v));
  if (field === 'eventDateFrom') return formatIndianDate(String(v));
  if (field === 'budgetMaxMinor')
    return formatMoney({ amountMinor: Number(v), currency: 'INR' }, { withDecimals: false });
  if (field === 'guestCount') return Number(v).toLocaleString('en-IN');
  return String(v);
}

const LABEL = { merge: 'Merge', keep_both: 'Keep both', skip: 'Skip' } as const;

/** Possible duplicates side by side: the row and the lead it may be; the person merges, keeps both or skips. */
export function ImportReview({ batch, onChange }: { batch: ImportBatchView; onChange: (b: ImportBatchView) => void }) {
  const review = useImportReview(batch.id, (batch.counts?.review ?? 0) > 0);
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  if (!review.data?.items.length) return null;
  async function decide(line: number, decision: keyof typeof LABEL) {
    setBusy(line);
    setError(null);
    try {
      onChange(await decideImport(batch.id, [{ line, decision }]));
      await qc.invalidateQueries({ queryKey: ['imports', batch.id] });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }
  return (
    <Stack gap="sm">
      <Title order={4}>Possible duplicates: you decide</Title>
      {error && <Alert color="red">{error}</Alert>}
      {review.data.items.map((item) => (
        <Paper key={item.line} withBorder p="sm" radius="md" aria-label={`Possible duplicate on line ${item.line}`}>
          <Group justify="space-between" mb="xs">
            <Text size="sm">
              Line {item.line}: {item.reason}
            </Text>
            {item.decision && <Badge color="grape">Decided: {LABEL[item.decision]}</Badge>}
          </Group>
          <Table fz="sm" withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120} />
                <Table.Th>In the file</Table.Th>
                <Table.Th>Already a lead</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {FIELDS.map(([f, label]) => (
                <Table.Tr key={f}>
                  <Table.Td c="dimmed">{label}</Table.Td>
                  <Table.Td>{show(f, item.incoming[f])}</Table.Td>
                  <Table.Td>{show(f, item.existing[f])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={3} mt="xs">
            {(Object.keys(LABEL) as (keyof typeof LABEL)[]).map((d) => (
              <Button
                key={d}
                size="xs"
                variant={item.decision === d ? 'filled' : 'default'}
                loading={busy === item.line}
                onClick={() => decide(item.line, d)}
              >
                {LABEL[d]}
              </Button>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      <Text size="xs" c="dimmed">
        Merge fills the lead's empty fields from the file and keeps the longer name and both notes; it is recorded in
        the lead's history.
      </Text>
    </Stack>
  );
}
