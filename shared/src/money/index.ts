/** Money in integer minor units: currencies, formatting, allocation, exchange rates, amounts in words. */
export { amountInWords, numberInWords } from './amount-in-words.ts';
export { convertMoney, type FxSnapshot, type FxSource, invertRate, isRate, parseRate } from './fx.ts';
export {
  allocate,
  CURRENCIES,
  CURRENCY_DIGITS,
  type Currency,
  formatMoney,
  MAX_AMOUNT_MINOR,
  type Money,
} from './money.ts';
