import { CURRENCIES, type Currency } from '@mandap/shared/money';
import {
  GST_STATE_CODES,
  GST_STATES,
  type GstStateCode,
  placeOfSupplyFromGstin,
  placeOfSupplyMismatch,
} from '@mandap/shared/quotes';
import { Alert, Grid, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { DateField } from '../../ui/DateField.tsx';
import { errorAt, fieldError, useField } from '../../ui/form.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { PaymentTermsEditor } from './PaymentTermsEditor.tsx';
import type { QuoteForm } from './quoteForm.ts';

const stateOptions = GST_STATE_CODES.map((c) => ({ value: c, label: `${GST_STATES[c]} (${c})` }));

/** A bound optional text (from {@link useField}) as a TextInput's or Textarea's props: blank is null. */
const asOptionalText = (f: {
  name: string;
  ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
  onBlur: () => void;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) => ({
  name: f.name,
  ref: f.ref,
  onBlur: f.onBlur,
  error: f.error,
  value: f.value ?? '',
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => f.onChange(e.currentTarget.value || null),
});

/** Buyer, place of supply, currency, quote-level discount, validity, notes and terms. */
export function QuoteDetailsForm({ form, readOnly }: { form: QuoteForm; readOnly: boolean }) {
  const { errors } = form.formState;
  const currencyField = useField(form, 'currency');
  const validUntil = useField(form, 'validUntil');
  const customerType = useField(form, 'customerType');
  const buyerName = useField(form, 'buyerName');
  const buyerGstin = useField(form, 'buyerGstin');
  const placeOfSupplyField = useField(form, 'placeOfSupply');
  const discountField = useField(form, 'discount');
  const rounding = useField(form, 'rounding');
  const notes = useField(form, 'notes');
  const terms = useField(form, 'terms');
  const negotiationNote = useField(form, 'negotiationNote');
  const paymentTerms = useField(form, 'paymentTerms');
  const currency = (currencyField.value ?? 'INR') as Currency;
  const discount = discountField.value ?? null;
  const discountError = errorAt(form, 'discount');
  const kind = discount?.kind ?? 'none';
  const placeOfSupply = (placeOfSupplyField.value ?? '27') as GstStateCode;
  const mismatch = placeOfSupplyMismatch(buyerGstin.value, placeOfSupply);
  const isB2b = customerType.value === 'b2b';
  // A frozen version reads as a document, not as inputs that look editable.
  const ro = readOnly ? { readOnly: true, variant: 'filled' as const } : {};
  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput label="Title" {...form.register('title')} {...ro} error={fieldError(errors.title?.message)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <Select
            label="Currency"
            data={CURRENCIES}
            {...currencyField}
            value={currency}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => v && currencyField.onChange(v as Currency)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <DateField label="Valid until" {...validUntil} value={validUntil.value ?? null} {...ro} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Text size="sm" fw={500} mb={4}>
            Buyer
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            disabled={readOnly}
            value={customerType.value ?? 'b2c'}
            data={[
              { value: 'b2c', label: 'B2C' },
              { value: 'b2b', label: 'B2B (GSTIN)' },
            ]}
            onChange={(v) => customerType.onChange(v as 'b2b' | 'b2c')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput label="Name on the quote" {...asOptionalText(buyerName)} {...ro} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput
            label="Buyer GSTIN"
            placeholder="27AAPFU0939F1ZV"
            {...asOptionalText(buyerGstin)}
            {...ro}
            onChange={(e) => {
              const gstin = e.currentTarget.value.toUpperCase() || null;
              buyerGstin.onChange(gstin);
              // The buyer's state (first two digits of a valid GSTIN) pre-fills the place of supply.
              const state = placeOfSupplyFromGstin(gstin);
              if (state) form.setValue('placeOfSupply', state, { shouldDirty: true });
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Select
            label="Place of supply"
            searchable
            data={stateOptions}
            {...placeOfSupplyField}
            value={placeOfSupply}
            allowDeselect={false}
            disabled={readOnly}
            error={mismatch ? 'Not the state of the buyer’s GSTIN' : placeOfSupplyField.error}
            onChange={(v) => v && placeOfSupplyField.onChange(v as GstStateCode)}
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
              discountField.onChange(
                v === 'percent'
                  ? { kind: 'percent', percent: 0 }
                  : v === 'amount'
                    ? { kind: 'amount', amountMinor: 0 }
                    : null,
              )
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
              name={discountField.name}
              ref={discountField.ref}
              onBlur={discountField.onBlur}
              value={discount.percent}
              error={discountError}
              onChange={(v) => discountField.onChange({ kind: 'percent', percent: Number(v) || 0 })}
            />
          )}
          {discount?.kind === 'amount' && (
            <MoneyInput
              label={`Discount (${currency})`}
              currency={currency}
              {...ro}
              name={discountField.name}
              ref={discountField.ref}
              onBlur={discountField.onBlur}
              valueMinor={discount.amountMinor}
              error={discountError}
              onChangeMinor={(amountMinor) => discountField.onChange({ kind: 'amount', amountMinor })}
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
            {...rounding}
            value={rounding.value ?? 'nearest_rupee'}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => v && rounding.onChange(v as 'nearest_rupee' | 'nearest_paisa')}
          />
        </Grid.Col>
      </Grid>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea label="Notes for the client" autosize minRows={2} {...asOptionalText(notes)} {...ro} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea
            label="Terms"
            placeholder="Leave empty for the house terms"
            autosize
            minRows={2}
            {...asOptionalText(terms)}
            {...ro}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Textarea
            label="Negotiation note (internal)"
            autosize
            minRows={2}
            {...asOptionalText(negotiationNote)}
            {...ro}
          />
        </Grid.Col>
      </Grid>
      <PaymentTermsEditor
        terms={paymentTerms.value ?? []}
        readOnly={readOnly}
        error={errorAt(form, 'paymentTerms')}
        onChange={paymentTerms.onChange}
      />
    </Stack>
  );
}
