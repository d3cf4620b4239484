import { CURRENCY_DIGITS, type Currency, type Money } from './money.ts';

const ONES = [
  '',
  'One',
  'Two',
  'Three',
  'Four',
  'Five',
  'Six',
  'Seven',
  'Eight',
  'Nine',
  'Ten',
  'Eleven',
  'Twelve',
  'Thirteen',
  'Fourteen',
  'Fifteen',
  'Sixteen',
  'Seventeen',
  'Eighteen',
  'Nineteen',
];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/** 0–999 in words ("Five Hundred Forty-Two"); empty for 0. */
function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds) parts.push(`${ONES[hundreds]} Hundred`);
  if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${ONES[rest % 10]}` : ''));
  else if (rest) parts.push(ONES[rest]!);
  return parts.join(' ');
}

type Scale = readonly (readonly [bigint, string])[];
/** Indian system: crore (10^7), lakh (10^5), thousand; above 99 crore the crores are themselves spelt out. */
const INDIAN: Scale = [
  [10_000_000n, 'Crore'],
  [100_000n, 'Lakh'],
  [1_000n, 'Thousand'],
];
const INTERNATIONAL: Scale = [
  [1_000_000_000_000n, 'Trillion'],
  [1_000_000_000n, 'Billion'],
  [1_000_000n, 'Million'],
  [1_000n, 'Thousand'],
];

function wholeInWords(n: bigint, scale: Scale): string {
  if (n === 0n) return '';
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of scale) {
    if (rest >= size) {
      const count = rest / size;
      // Only a crore count can reach 1000 (a lakh or thousand count stays below 100).
      parts.push(`${count >= 1000n ? wholeInWords(count, scale) : underThousand(Number(count))} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0n) parts.push(underThousand(Number(rest)));
  return parts.join(' ');
}

/** Whole number in words, Indian system by default: 1234500 → "Twelve Lakh Thirty-Four Thousand Five Hundred". */
export function numberInWords(n: number | bigint, system: 'indian' | 'international' = 'indian'): string {
  const big = BigInt(n);
  if (big < 0n) return `Minus ${numberInWords(-big, system)}`;
  if (big === 0n) return 'Zero';
  return wholeInWords(big, system === 'indian' ? INDIAN : INTERNATIONAL);
}

const UNIT_NAMES: Record<Currency, { major: string; minor: string }> = {
  INR: { major: 'Rupees', minor: 'Paise' },
  USD: { major: 'US Dollars', minor: 'Cents' },
  AED: { major: 'UAE Dirhams', minor: 'Fils' },
  EUR: { major: 'Euros', minor: 'Cents' },
  GBP: { major: 'Pounds Sterling', minor: 'Pence' },
};

/**
 * An amount in words as printed on a quotation: "Rupees Twelve Lakh Thirty-Four Thousand
 * Five Hundred Only", "Rupees Ten and Fifty Paise Only". INR uses lakh and crore; other
 * currencies the international system.
 */
export function amountInWords(money: Money): string {
  const unit = 10n ** BigInt(CURRENCY_DIGITS[money.currency]);
  const names = UNIT_NAMES[money.currency];
  const system = money.currency === 'INR' ? 'indian' : 'international';
  const abs = BigInt(Math.abs(money.amountMinor));
  const major = abs / unit;
  const minor = abs % unit;
  const sign = money.amountMinor < 0 ? 'Minus ' : '';
  const majorWords = `${names.major} ${numberInWords(major, system)}`;
  if (minor === 0n) return `${sign}${majorWords} Only`;
  const minorWords = `${numberInWords(minor, system)} ${names.minor}`;
  return major === 0n ? `${sign}${minorWords} Only` : `${sign}${majorWords} and ${minorWords} Only`;
}
