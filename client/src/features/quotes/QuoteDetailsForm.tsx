import { CURRENCIES, type Currency } from '@mandap/shared/money';
import {
  GST_STATE_CODES,
  GST_STATES,
  type GstStateCode,
  placeOfSupplyFromGstin,
  placeOfSupplyMismatch,
  type QuoteDraftInput,
} from '@mandap/shared/quotes';
import { Alert, Grid, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateField } from '../../ui/DateField.tsx';
import { MoneyInput } from './MoneyInput.tsx';
import { PaymentTermsEditor } from './PaymentTermsEditor.tsx';

const stateOptions = GST_STATE_CODES.map((c) => ({ value: c, label: `${GST_STATES[c]} (${c})` }));

/** Buyer, place of supply, currency, quote-level discount, validity, notes and terms. */
export function QuoteDetailsForm({
  draft,
  readOnly,
  errors,
  onChange,
}: {
  draft: QuoteDraftInput;
  readOnly: boolean;
  errors: Record<string, string>;
  onChange: (patch: Partial<QuoteDraftInput>) => void;
}) {
  const currency = (draft.currency ?? 'INR') as Currency;
  const discount = draft.discount ?? null;
  const kind = discount?.kind ?? 'none';
  const placeOfSupply = (draft.placeOfSupply ?? '27') as GstStateCode;
  const mismatch = placeOfSupplyMismatch(draft.buyerGstin, placeOfSupply);
  const isB2b = draft.customerType === 'b2b';
  // A frozen version reads as a document, not as inputs that look editable.
  const ro = readOnly ? { readOnly: true, variant: 'filled' as const } : {};
  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label="Title"
            value={draft.title}
            {...ro}
            error={errors.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Currency"
            data={CURRENCIES}
            value={currency}
            allowDeselect={false}
            disabled={readOnly}
            error={errors.currency}
            onChange={(v) => onChange({ currency: v as Currency })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <DateField
            label="Valid until"
            value={draft.validUntil ?? null}
            {...ro}
            error={errors.validUntil}
            onChange={(validUntil) => onChange({ validUntil })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Text size="sm" fw={500} mb={4}>
            Buyer
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            disabled={readOnly}
            value={draft.customerType ?? 'b2c'}
            data={[
              { value: 'b2c', label: 'B2C' },
              { value: 'b2b', label: 'B2B (GSTIN)' },
            ]}
            onChange={(v) => onChange({ customerType: v as 'b2b' | 'b2c' })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput
            label="Name on the quote"
            value={draft.buyerName ?? ''}
            {...ro}
            onChange={(e) => onChange({ buyerName: e.currentTarget.value || null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput
            label="Buyer GSTIN"
            placeholder="27AAPFU0939F1ZV"
            value={draft.buyerGstin ?? ''}
            {...ro}
            error={errors.buyerGstin}
            onChange={(e) => {
              const buyerGstin = e.currentTarget.value.toUpperCase() || null;
              // The buyer's state (first two digits of a valid GSTIN) pre-fills the place of supply.
              const state = placeOfSupplyFromGstin(buyerGstin);
              onChange({ buyerGstin, ...(state ? { placeOfSupply: state } : {}) });
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Select
            label="Place of supply"
            searchable
            data={stateOptions}
            value={placeOfSupply}
            allowDeselect={false}
            disabled={readOnly}
            error={mismatch ? 'not the state of the buyer’s GSTIN' : errors.placeOfSupply}
            onChange={(v) => onChange({ placeOfSupply: v as GstStateCode })}
          />
        </Grid.Col>
        {mismatch && (
          <Grid.Col span={12}>
            <Alert
              color={isB2b ? 'red' : 'yellow'}
              variant="light"
              title="Place of supply does not match the buyer's GSTIN"
              data-testid="place-of-supply-warning"
            >
              {mismatch}
              {isB2b ? ' A B2B quote cannot be sent until they agree.' : ''}
            </Alert>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Text size="sm" fw={500} mb={4}>
            Quote discount
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            disabled={readOnly}
            value={kind}
            data={[
              { value: 'none', label: 'None' },
              { value: 'percent', label: '%' },
              { value: 'amount', label: 'Amount' },
            ]}
            onChange={(v) =>
              onChange({
                discount:
                  v === 'percent'
                    ? { kind: 'percent', percent: 0 }
                    : v === 'amount'
                      ? { kind: 'amount', amountMinor: 0 }
                      : null,
              })
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {discount?.kind === 'percent' && (
            <NumberInput
              label="Discount %"
              min={0}
              max={100}
              decimalScale={2}
              suffix="%"
              {...ro}
              value={discount.percent}
              error={errors.discount}
              onChange={(v) => onChange({ discount: { kind: 'percent', percent: Number(v) || 0 } })}
            />
          )}
          {discount?.kind === 'amount' && (
            <MoneyInput
              label={`Discount (${currency})`}
              currency={currency}
              {...ro}
              valueMinor={discount.amountMinor}
              error={errors.discount}
              onChangeMinor={(amountMinor) => onChange({ discount: { kind: 'amount', amountMinor } })}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label="Tax rounding"
            data={[
              { value: 'nearest_rupee', label: 'Nearest rupee (s.170 CGST Act)' },
              { value: 'nearest_paisa', label: 'Nearest paisa' },
            ]}
            value={draft.rounding ?? 'nearest_rupee'}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => onChange({ rounding: v as 'nearest_rupee' | 'nearest_paisa' })}
          />
        </Grid.Col>
      </Grid>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea
            label="Notes for the client"
            autosize
            minRows={2}
            value={draft.notes ?? ''}
            {...ro}
            onChange={(e) => onChange({ notes: e.currentTarget.value || null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea
            label="Terms"
            placeholder="Leave empty for the house terms"
            autosize
            minRows={2}
            value={draft.terms ?? ''}
            {...ro}
            onChange={(e) => onChange({ terms: e.currentTarget.value || null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea
            label="Negotiation note (internal)"
            autosize
            minRows={2}
            value={draft.negotiationNote ?? ''}
            {...ro}
            onChange={(e) => onChange({ negotiationNote: e.currentTarget.value || null })}
          />
        </Grid.Col>
      </Grid>
      <PaymentTermsEditor
        terms={draft.paymentTerms ?? []}
        readOnly={readOnly}
        onChange={(paymentTerms) => onChange({ paymentTerms })}
      />
    </Stack>
  );
}
