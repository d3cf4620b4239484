import { type Currency, formatMoney } from '@mandap/shared/money';
import {
  type LineTotals,
  QUOTE_CATEGORIES,
  QUOTE_CATEGORY_CODES,
  type QuoteCategory,
  TAX_CLASS_CODES,
  TAX_CLASSES,
  type TaxClass,
} from '@mandap/shared/quotes';
import { ActionIcon, Box, Grid, NumberInput, Paper, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { asMoney, errorAt, useField } from '../../ui/form.ts';
import { LineDiscountInput } from './LineDiscountInput.tsx';
import { MoneyInput } from './MoneyInput.tsx';
import type { QuoteForm } from './quoteForm.ts';

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

/** One line of the quote, bound to `lines.<index>` of the builder's form. */
function QuoteLineRow({
  form,
  index: i,
  totals: t,
  currency,
  readOnly,
  isLast,
  onAddLine,
  onRemove,
}: {
  form: QuoteForm;
  index: number;
  totals: LineTotals | undefined;
  currency: Currency;
  readOnly: boolean;
  isLast: boolean;
  onAddLine: () => void;
  onRemove: () => void;
}) {
  const category = useField(form, `lines.${i}.category`);
  const description = useField(form, `lines.${i}.description`);
  const quantity = useField(form, `lines.${i}.quantity`);
  const unit = useField(form, `lines.${i}.unit`);
  const rate = useField(form, `lines.${i}.rateMinor`);
  const discount = useField(form, `lines.${i}.discount`);
  const taxClass = useField(form, `lines.${i}.taxClass`);
  // A frozen version reads as a document, not as inputs that look editable.
  const ro = readOnly ? { readOnly: true, variant: 'filled' as const } : {};
  // Enter on the last line's tax class or discount adds a line: typing a quote never needs the mouse.
  const addOnEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && isLast) {
      e.preventDefault();
      onAddLine();
    }
  };
  return (
    <Paper withBorder p="xs" mt={6} radius="sm" data-line={i}>
      <Grid gap={6} align="flex-start" columns={12}>
        <Grid.Col span={SPAN.category}>
          <Select
            aria-label={`Line ${i + 1} category`}
            size="xs"
            data={categoryOptions}
            {...category}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => v && category.onChange(v as QuoteCategory)}
          />
        </Grid.Col>
        <Grid.Col span={SPAN.description}>
          <TextInput
            aria-label={`Line ${i + 1} description`}
            size="xs"
            placeholder="What the client gets"
            {...description}
            {...ro}
            onChange={(e) => description.onChange(e.currentTarget.value)}
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
            {...quantity}
            {...ro}
            onChange={(v) => quantity.onChange(typeof v === 'number' ? v : Number(v) || 0)}
          />
        </Grid.Col>
        <Grid.Col span={SPAN.unit}>
          <TextInput
            aria-label={`Line ${i + 1} unit`}
            size="xs"
            {...unit}
            value={unit.value ?? 'nos'}
            {...ro}
            onChange={(e) => unit.onChange(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={SPAN.rate}>
          <MoneyInput aria-label={`Line ${i + 1} rate`} size="xs" currency={currency} {...asMoney(rate)} {...ro} />
        </Grid.Col>
        <Grid.Col span={SPAN.discount}>
          <LineDiscountInput
            index={i}
            discount={discount.value ?? null}
            currency={currency}
            readOnly={readOnly}
            error={errorAt(form, `lines.${i}.discount`)}
            onKeyDown={addOnEnter}
            onChange={discount.onChange}
          />
        </Grid.Col>
        <Grid.Col span={SPAN.tax}>
          <Select
            aria-label={`Line ${i + 1} tax class`}
            size="xs"
            data={taxOptions}
            {...taxClass}
            value={taxClass.value ?? 'gst_18'}
            allowDeselect={false}
            disabled={readOnly}
            onKeyDown={addOnEnter}
            onChange={(v) => v && taxClass.onChange(v as TaxClass)}
          />
        </Grid.Col>
        <Grid.Col span={SPAN.amount}>
          <Box style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 4 }}>
            <Text size="sm" fw={600} ta="right" data-testid={`line-amount-${i}`}>
              {t ? formatMoney({ amountMinor: t.taxableMinor, currency }) : '—'}
            </Text>
            {!readOnly && (
              <Tooltip label="Remove line">
                <ActionIcon variant="subtle" color="gray" aria-label={`Remove line ${i + 1}`} onClick={onRemove}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Box>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

/** The quote's lines, one row per entry of the form's `lines` (kept by `useFieldArray` in the builder). */
export function QuoteLinesEditor({
  form,
  keys,
  totals,
  currency,
  readOnly,
  onRemove,
  onAddLine,
}: {
  form: QuoteForm;
  /** The field array's row ids, in order. */
  keys: readonly string[];
  totals: LineTotals[] | null;
  currency: Currency;
  readOnly: boolean;
  onRemove: (index: number) => void;
  onAddLine: () => void;
}) {
  return (
    <Box>
      <LinesHeader />
      {keys.map((key, i) => (
        <QuoteLineRow
          key={key}
          form={form}
          index={i}
          totals={totals?.[i]}
          currency={currency}
          readOnly={readOnly}
          isLast={i === keys.length - 1}
          onAddLine={onAddLine}
          onRemove={() => onRemove(i)}
        />
      ))}
    </Box>
  );
}
