import { CURRENCY_DIGITS, type Currency } from '@mandap/shared/money';
import type { Discount } from '@mandap/shared/quotes';
import { NumberInput, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';

/** The narrow sign of a currency (₹, $, €, £; AED stays letters). */
const signOf = (currency: Currency) =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((p) => p.type === 'currency')?.value ?? currency;

/**
 * A line's discount as a percentage or an amount in the quote's currency: the button at the
 * right switches between them (the typed figure is kept), so "10" can mean 10% or ₹10.
 */
export function LineDiscountInput({
  index,
  discount,
  currency,
  readOnly,
  onChange,
  onKeyDown,
  error,
}: {
  index: number;
  discount: Discount | null;
  currency: Currency;
  readOnly: boolean;
  onChange: (discount: Discount | null) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  error?: string;
}) {
  const digits = CURRENCY_DIGITS[currency];
  const isAmount = discount?.kind === 'amount';
  const shown = !discount ? 0 : discount.kind === 'amount' ? discount.amountMinor / 10 ** digits : discount.percent;
  const make = (figure: number, asAmount: boolean): Discount | null => {
    if (!figure) return null;
    return asAmount
      ? { kind: 'amount', amountMinor: Math.round(figure * 10 ** digits) }
      : { kind: 'percent', percent: Math.min(figure, 100) };
  };
  const sign = signOf(currency);
  return (
    <NumberInput
      aria-label={`Line ${index + 1} discount ${isAmount ? `amount (${currency})` : 'percent'}`}
      size="xs"
      min={0}
      max={isAmount ? undefined : 100}
      decimalScale={isAmount ? digits : 2}
      thousandSeparator={isAmount ? ',' : undefined}
      thousandsGroupStyle={currency === 'INR' ? 'lakh' : 'thousand'}
      hideControls
      allowNegative={false}
      value={shown}
      readOnly={readOnly}
      error={error}
      variant={readOnly ? 'filled' : 'default'}
      onKeyDown={onKeyDown}
      onChange={(v) => onChange(make(typeof v === 'number' ? v : Number(v) || 0, isAmount))}
      rightSectionWidth={sign.length > 1 && isAmount ? 34 : 24}
      rightSectionPointerEvents={readOnly ? 'none' : 'all'}
      rightSection={
        <UnstyledButton
          aria-label={`Line ${index + 1}: discount as ${isAmount ? 'percent' : `amount in ${currency}`}`}
          title={isAmount ? 'Switch to a percentage' : `Switch to an amount in ${currency}`}
          disabled={readOnly}
          fz="xs"
          fw={700}
          c="indigo"
          ta="center"
          onClick={() => onChange(make(shown, !isAmount))}
        >
          {isAmount ? sign : '%'}
        </UnstyledButton>
      }
    />
  );
}
