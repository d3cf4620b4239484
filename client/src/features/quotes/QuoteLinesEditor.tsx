import { type Currency, formatMoney } from '@mandap/shared/money';
import {
  type LineTotals,
  QUOTE_CATEGORIES,
  QUOTE_CATEGORY_CODES,
  type QuoteCategory,
  type QuoteLineInput,
  TAX_CLASS_CODES,
  TAX_CLASSES,
  type TaxClass,
} from '@mandap/shared/quotes';
import { ActionIcon, Box, Grid, NumberInput, Paper, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { LineDiscountInput } from './LineDiscountInput.tsx';
import { MoneyInput } from './MoneyInput.tsx';

const categoryOptions = QUOTE_CATEGORY_CODES.map((c) => ({ value: c, label: QUOTE_CATEGORIES[c] }));
const taxOptions = TAX_CLASS_CODES.map((c) => ({ value: c, label: TAX_CLASSES[c].label }));

/** Column spans: stacked on a phone, one row per line from md up. */
const SPAN = {
  category: { base: 6, md: 1.6 },
  description: { base: 12, md: 2.9 },
  quantity: { base: 3, md: 0.9 },
  unit: { base: 3, md: 0.9 },
  rate: { base: 6, md: 1.5 },
  discount: { base: 3, md: 1.2 },
  tax: { base: 4, md: 1.5 },
  amount: { base: 5, md: 1.5 },
} as const;

export function LinesHeader() {
  const cells: [keyof typeof SPAN, string][] = [
    ['category', 'Category'],
    ['description', 'Description'],
    ['quantity', 'Qty'],
    ['unit', 'Unit'],
    ['rate', 'Rate'],
    ['discount', 'Discount'],
    ['tax', 'Tax class'],
    ['amount', 'Amount'],
  ];
  return (
    <Grid gap={6} visibleFrom="md" px="xs" columns={12}>
      {cells.map(([k, label]) => (
        <Grid.Col key={k} span={SPAN[k]}>
          <Text size="xs" fw={600} c="dimmed" ta={k === 'amount' ? 'right' : 'left'}>
            {label}
          </Text>
        </Grid.Col>
      ))}
    </Grid>
  );
}

export function QuoteLinesEditor({
  lines,
  totals,
  currency,
  readOnly,
  onChange,
  onAddLine,
}: {
  lines: QuoteLineInput[];
  totals: LineTotals[] | null;
  currency: Currency;
  readOnly: boolean;
  onChange: (lines: QuoteLineInput[]) => void;
  onAddLine: () => void;
}) {
  // A frozen version reads as a document, not as inputs that look editable.
  const ro = readOnly ? { readOnly: true, variant: 'filled' as const } : {};
  const update = (i: number, patch: Partial<QuoteLineInput>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const remove = (i: number) => onChange(lines.filter((_, j) => j !== i));
  // Enter on the last line's tax class or discount adds a line: typing a quote never needs the mouse.
  const addOnEnter = (i: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' && i === lines.length - 1) {
      e.preventDefault();
      onAddLine();
    }
  };

  return (
    <Box>
      <LinesHeader />
      {lines.map((line, i) => {
        const t = totals?.[i];
        return (
          <Paper key={line.key ?? i} withBorder p="xs" mt={6} radius="sm" data-line={i}>
            <Grid gap={6} align="center" columns={12}>
              <Grid.Col span={SPAN.category}>
                <Select
                  aria-label={`Line ${i + 1} category`}
                  size="xs"
                  data={categoryOptions}
                  value={line.category}
                  allowDeselect={false}
                  disabled={readOnly}
                  onChange={(v) => update(i, { category: v as QuoteCategory })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.description}>
                <TextInput
                  aria-label={`Line ${i + 1} description`}
                  size="xs"
                  placeholder="What the client gets"
                  value={line.description}
                  {...ro}
                  data-autofocus-line={i}
                  onChange={(e) => update(i, { description: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.quantity}>
                <NumberInput
                  aria-label={`Line ${i + 1} quantity`}
                  size="xs"
                  min={0}
                  decimalScale={3}
                  hideControls
                  allowNegative={false}
                  value={line.quantity}
                  {...ro}
                  onChange={(v) => update(i, { quantity: typeof v === 'number' ? v : Number(v) || 0 })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.unit}>
                <TextInput
                  aria-label={`Line ${i + 1} unit`}
                  size="xs"
                  value={line.unit ?? 'nos'}
                  {...ro}
                  onChange={(e) => update(i, { unit: e.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.rate}>
                <MoneyInput
                  aria-label={`Line ${i + 1} rate`}
                  size="xs"
                  currency={currency}
                  valueMinor={line.rateMinor}
                  {...ro}
                  onChangeMinor={(rateMinor) => update(i, { rateMinor })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.discount}>
                <LineDiscountInput
                  index={i}
                  discount={line.discount ?? null}
                  currency={currency}
                  readOnly={readOnly}
                  onKeyDown={addOnEnter(i)}
                  onChange={(discount) => update(i, { discount })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.tax}>
                <Select
                  aria-label={`Line ${i + 1} tax class`}
                  size="xs"
                  data={taxOptions}
                  value={line.taxClass ?? 'gst_18'}
                  allowDeselect={false}
                  disabled={readOnly}
                  onKeyDown={addOnEnter(i)}
                  onChange={(v) => update(i, { taxClass: v as TaxClass })}
                />
              </Grid.Col>
              <Grid.Col span={SPAN.amount}>
                <Box style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 4 }}>
                  <Text size="sm" fw={600} ta="right" data-testid={`line-amount-${i}`}>
                    {t ? formatMoney({ amountMinor: t.taxableMinor, currency }) : '—'}
                  </Text>
                  {!readOnly && (
                    <Tooltip label="Remove line">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove line ${i + 1}`}
                        onClick={() => remove(i)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Box>
              </Grid.Col>
            </Grid>
          </Paper>
        );
      })}
    </Box>
  );
}
