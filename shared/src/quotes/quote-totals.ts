import { CURRENCY_DIGITS, type Currency, MAX_AMOUNT_MINOR } from '../money/money.ts';
import { divRoundHalfUp, type GstRegime, roundTax, type TaxRounding } from './gst.ts';
import { TAX_CLASSES, type TaxClass } from './tax-classes.ts';

/** A discount: a percentage (up to two decimals) or a fixed amount in minor units. */
export type Discount = { kind: 'percent'; percent: number } | { kind: 'amount'; amountMinor: number };

/** One line as priced: quantity may have up to three decimals; rate is minor units per unit. */
export interface PricedLine {
  key: string;
  quantity: number;
  rateMinor: number;
  discount?: Discount | null | undefined;
  taxClass: TaxClass;
}

export interface QuoteTotalsInput {
  currency: Currency;
  lines: readonly PricedLine[];
  discount?: Discount | null | undefined;
  regime: GstRegime;
  rounding: TaxRounding;
}

export interface LineTotals {
  key: string;
  grossMinor: number;
  lineDiscountMinor: number;
  /** This line's share of the quote-level discount. */
  quoteDiscountMinor: number;
  /** Gross less both discounts: the value tax is charged on (or the reimbursement, for pass-through). */
  taxableMinor: number;
  cgstMinor: number;
  sgstMinor: number;
  igstMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface TaxSummaryRow {
  rateBp: number;
  taxableMinor: number;
  cgstMinor: number;
  sgstMinor: number;
  igstMinor: number;
  taxMinor: number;
}

export interface QuoteTotals {
  regime: GstRegime;
  rounding: TaxRounding;
  lines: LineTotals[];
  subtotalMinor: number;
  lineDiscountMinor: number;
  quoteDiscountMinor: number;
  discountMinor: number;
  /** Value of taxable lines (any rate, 0% included) after discounts. */
  taxableValueMinor: number;
  exemptValueMinor: number;
  passThroughMinor: number;
  taxSummary: TaxSummaryRow[];
  cgstMinor: number;
  sgstMinor: number;
  igstMinor: number;
  taxMinor: number;
  /** Tax as charged less tax rounded to the paisa: the effect of the section-170 rounding. */
  taxRoundingMinor: number;
  totalMinor: number;
}

/** A quote that cannot be priced; `field` is the input path to fix (e.g. `lines.3.discount`). */
export class QuoteTotalsError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'QuoteTotalsError';
  }
}

const MAX = BigInt(MAX_AMOUNT_MINOR);

/**
 * Splits `total` across `weights` by largest remainder: the parts add up to `total` exactly
 * and each is within one unit of its exact share. All-zero weights take nothing (total must be 0).
 */
function allocateExact(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total !== 0n) throw new RangeError('cannot allocate a non-zero total over zero weights');
    return weights.map(() => 0n);
  }
  const shares = weights.map((w) => (total * w) / sum);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  if (left === 0n) return shares;
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) {
    const i = order[k % order.length]!.i;
    shares[i] = shares[i]! + 1n;
  }
  return shares;
}

function discountOf(base: bigint, discount: Discount | null | undefined, field: string): bigint {
  if (!discount) return 0n;
  if (discount.kind === 'percent') {
    const bp = Math.round(discount.percent * 100);
    if (bp < 0 || bp > 10_000) throw new QuoteTotalsError(field, 'a percentage discount must be between 0 and 100');
    return divRoundHalfUp(base * BigInt(bp), 10_000n);
  }
  const amount = BigInt(discount.amountMinor);
  if (amount < 0n) throw new QuoteTotalsError(field, 'a discount cannot be negative');
  if (amount > base) throw new QuoteTotalsError(field, 'the discount is larger than the amount it applies to');
  return amount;
}

function checkAmount(value: bigint, field: string, what: string): bigint {
  if (value > MAX) throw new QuoteTotalsError(field, `${what} is larger than the largest amount we accept`);
  return value;
}

/**
 * Prices a quote: line amounts, line and quote discounts, tax per line and per rate, with
 * the rounding applied once per tax head on the whole quote and the rounded tax allocated
 * back to lines, so lines, summary and totals always agree to the minor unit.
 */
export function computeQuoteTotals(input: QuoteTotalsInput): QuoteTotals {
  const digits = CURRENCY_DIGITS[input.currency];
  const priced = input.lines.map((line, i) => {
    const field = `lines.${i}`;
    if (!(line.quantity >= 0)) throw new QuoteTotalsError(`${field}.quantity`, 'quantity cannot be negative');
    if (!Number.isSafeInteger(line.rateMinor) || line.rateMinor < 0)
      throw new QuoteTotalsError(`${field}.rateMinor`, 'rate must be a whole, non-negative amount of minor units');
    const qtyMilli = BigInt(Math.round(line.quantity * 1000));
    const gross = checkAmount(
      divRoundHalfUp(qtyMilli * BigInt(line.rateMinor), 1000n),
      `${field}.rateMinor`,
      `line ${i + 1}'s amount`,
    );
    const lineDiscount = discountOf(gross, line.discount, `${field}.discount`);
    return { line, cls: TAX_CLASSES[line.taxClass], gross, lineDiscount, net: gross - lineDiscount };
  });

  const discountable = priced.map((p) => (p.cls.kind === 'pass_through' ? 0n : p.net));
  const discountBase = discountable.reduce((a, b) => a + b, 0n);
  const quoteDiscount = discountOf(discountBase, input.discount, 'discount');
  const quoteShares = allocateExact(quoteDiscount, discountable);
  const taxable = priced.map((p, i) => p.net - quoteShares[i]!);

  // Exact tax of each line is taxable × rate / 10000; weights keep it as an integer.
  const weights = priced.map((p, i) =>
    input.regime === 'export' || p.cls.kind !== 'taxable' ? 0n : taxable[i]! * BigInt(p.cls.rateBp),
  );
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  const intra = input.regime === 'intra_state';
  const headTotal = intra
    ? roundTax(weightSum, 20_000n, input.rounding, digits)
    : roundTax(weightSum, 10_000n, input.rounding, digits);
  const headShares = allocateExact(headTotal, weights);

  const lines: LineTotals[] = priced.map((p, i) => {
    const head = headShares[i]!;
    const tax = intra ? 2n * head : head;
    return {
      key: p.line.key,
      grossMinor: Number(p.gross),
      lineDiscountMinor: Number(p.lineDiscount),
      quoteDiscountMinor: Number(quoteShares[i]!),
      taxableMinor: Number(taxable[i]!),
      cgstMinor: intra ? Number(head) : 0,
      sgstMinor: intra ? Number(head) : 0,
      igstMinor: intra ? 0 : Number(head),
      taxMinor: Number(tax),
      totalMinor: Number(taxable[i]! + tax),
    };
  });

  const sum = (pick: (l: LineTotals) => number, only?: (i: number) => boolean) =>
    lines.reduce((a, l, i) => (only && !only(i) ? a : a + pick(l)), 0);
  const kindIs = (kind: string) => (i: number) => priced[i]!.cls.kind === kind;

  const summary = new Map<number, TaxSummaryRow>();
  lines.forEach((l, i) => {
    const cls = priced[i]!.cls;
    if (cls.kind !== 'taxable') return;
    const row = summary.get(cls.rateBp) ?? {
      rateBp: cls.rateBp,
      taxableMinor: 0,
      cgstMinor: 0,
      sgstMinor: 0,
      igstMinor: 0,
      taxMinor: 0,
    };
    row.taxableMinor += l.taxableMinor;
    row.cgstMinor += l.cgstMinor;
    row.sgstMinor += l.sgstMinor;
    row.igstMinor += l.igstMinor;
    row.taxMinor += l.taxMinor;
    summary.set(cls.rateBp, row);
  });

  const taxMinor = Number(intra ? 2n * headTotal : headTotal);
  const totalMinor = Number(checkAmount(BigInt(sum((l) => l.totalMinor)), 'lines', 'the quote total'));
  const lineDiscountMinor = sum((l) => l.lineDiscountMinor);
  const quoteDiscountMinor = Number(quoteDiscount);
  return {
    regime: input.regime,
    rounding: input.rounding,
    lines,
    subtotalMinor: sum((l) => l.grossMinor),
    lineDiscountMinor,
    quoteDiscountMinor,
    discountMinor: lineDiscountMinor + quoteDiscountMinor,
    taxableValueMinor: sum((l) => l.taxableMinor, kindIs('taxable')),
    exemptValueMinor: sum((l) => l.taxableMinor, kindIs('exempt')),
    passThroughMinor: sum((l) => l.taxableMinor, kindIs('pass_through')),
    taxSummary: [...summary.values()].sort((a, b) => b.rateBp - a.rateBp),
    cgstMinor: intra ? Number(headTotal) : 0,
    sgstMinor: intra ? Number(headTotal) : 0,
    igstMinor: intra ? 0 : Number(headTotal),
    taxMinor,
    taxRoundingMinor: taxMinor - Number(divRoundHalfUp(weightSum, 10_000n)),
    totalMinor,
  };
}
