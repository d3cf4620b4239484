import { type Currency, type FxSnapshot, formatMoney } from '@mandap/shared/money';
import type { QuoteTotals } from '@mandap/shared/quotes';
import { Alert, Divider, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../lib/format.ts';

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 700 : 500} data-testid={strong ? 'quote-total' : undefined}>
        {value}
      </Text>
    </Group>
  );
}

/** Totals as the client will see them, recomputed on every keystroke with the server's own rules. */
export function QuoteTotalsPanel({
  totals,
  error,
  currency,
  fx,
  totalInrMinor,
}: {
  totals: QuoteTotals | null;
  error: string | null;
  currency: Currency;
  fx: FxSnapshot | null;
  totalInrMinor: number | null;
}) {
  if (!totals)
    return (
      <Alert color="red" title="These figures cannot be priced">
        {error}
      </Alert>
    );
  const money = (m: number) => formatMoney({ amountMinor: m, currency });
  const regime = { intra_state: 'CGST + SGST', inter_state: 'IGST', export: 'Export: zero-rated' }[totals.regime];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Text fw={700}>Totals</Text>
        <Text size="xs" c="dimmed">
          {regime} · tax rounded {totals.rounding === 'nearest_rupee' ? 'to the rupee (s.170)' : 'to the paisa'}, once
        </Text>
        <Row label="Subtotal" value={money(totals.subtotalMinor)} />
        {totals.discountMinor > 0 && <Row label="Discounts" value={`−${money(totals.discountMinor)}`} />}
        {totals.passThroughMinor > 0 && <Row label="Pass-through at actuals" value={money(totals.passThroughMinor)} />}
        {totals.regime === 'intra_state' && (
          <>
            <Row label="CGST" value={money(totals.cgstMinor)} />
            <Row label="SGST" value={money(totals.sgstMinor)} />
          </>
        )}
        {totals.regime === 'inter_state' && <Row label="IGST" value={money(totals.igstMinor)} />}
        {totals.taxRoundingMinor !== 0 && <Row label="Tax rounding" value={money(totals.taxRoundingMinor)} />}
        <Divider my={4} />
        <Row label="Total" value={money(totals.totalMinor)} strong />
        {currency !== 'INR' &&
          (fx && totalInrMinor !== null ? (
            <Text size="xs" c="dimmed" data-testid="inr-equivalent">
              ≈ {formatMoney({ amountMinor: totalInrMinor, currency: 'INR' })} at {fx.rate} INR/{fx.base} (
              {fx.source === 'manual' ? 'manual rate' : 'ExchangeRate-API'}, rate of {formatDate(fx.asOf)}; as last
              saved)
            </Text>
          ) : (
            <Text size="xs" c="orange">
              Save to take the {currency}→INR rate.
            </Text>
          ))}
        {totals.taxSummary.length > 0 && (
          <Table fz="xs" mt="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rate</Table.Th>
                <Table.Th ta="right">Taxable</Table.Th>
                <Table.Th ta="right">Tax</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {totals.taxSummary.map((r) => (
                <Table.Tr key={r.rateBp}>
                  <Table.Td>{r.rateBp / 100}%</Table.Td>
                  <Table.Td ta="right">{money(r.taxableMinor)}</Table.Td>
                  <Table.Td ta="right">{money(r.taxMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
