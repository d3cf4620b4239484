import { CURRENCY_DIGITS, type Currency } from '@mandap/shared/money';
import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Types an amount in rupees (or the quote's currency) and hands back integer minor units. */
export function MoneyInput({
  valueMinor,
  onChangeMinor,
  currency,
  ...rest
}: Omit<NumberInputProps, 'value' | 'onChange'> & {
  valueMinor: number;
  onChangeMinor: (minor: number) => void;
  currency: Currency;
}) {
  const digits = CURRENCY_DIGITS[currency];
  return (
    <NumberInput
      {...rest}
      value={valueMinor / 10 ** digits}
      onChange={(v) => onChangeMinor(Math.round((typeof v === 'number' ? v : Number(v) || 0) * 10 ** digits))}
      decimalScale={digits}
      thousandSeparator=","
      thousandsGroupStyle={currency === 'INR' ? 'lakh' : 'thousand'}
      hideControls
      min={0}
      allowNegative={false}
    />
  );
}
