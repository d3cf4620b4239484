import { newId } from '@mandap/shared/common';
import { type Currency, convertMoney, type FxSnapshot } from '@mandap/shared/money';
import {
  computeQuoteTotals,
  gstRegime,
  type QuoteDraft,
  type QuoteLine,
  type QuoteTotals,
  QuoteTotalsError,
} from '@mandap/shared/quotes';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { requireInrRate } from '../fx/fx-rates.service.ts';
import { companyProfile } from './company.ts';

export interface PricedDraft {
  lines: QuoteLine[];
  details: Omit<QuoteDraft, 'lines'>;
  totals: QuoteTotals;
  fx: FxSnapshot | null;
  totalInrMinor: number;
}

/** A short stable key for a new line (kept across versions so diffs match lines). */
const newLineKey = () => newId().replaceAll('-', '').slice(-12);

/**
 * Prices a draft: assigns line keys, computes totals under the company's state vs the
 * place of supply, and takes the FX snapshot for the INR equivalent. Bad figures are a 400
 * naming the field; a missing rate a 422 naming the pair.
 */
export async function priceDraft(db: DbOrTx, draft: QuoteDraft): Promise<PricedDraft> {
  const { lines: rawLines, ...details } = draft;
  const lines: QuoteLine[] = rawLines.map((l) => ({ ...l, key: l.key ?? newLineKey() }));
  const keys = new Set(lines.map((l) => l.key));
  if (keys.size !== lines.length)
    throw new AppError('validation_failed', 'Two lines share a key: each line needs its own key (or none).');
  let totals: QuoteTotals;
  try {
    totals = computeQuoteTotals({
      currency: draft.currency,
      lines,
      discount: draft.discount,
      regime: gstRegime((await companyProfile(db)).stateCode, draft.placeOfSupply),
      rounding: draft.rounding,
    });
  } catch (e) {
    if (e instanceof QuoteTotalsError)
      throw new AppError('validation_failed', `Check the quote: ${e.field}: ${e.message}.`, {
        fields: { [e.field]: e.message },
      });
    throw e;
  }
  const fx = await requireInrRate(db, draft.currency as Currency);
  const totalInrMinor = toInr(totals.totalMinor, draft.currency, fx);
  return { lines, details, totals, fx, totalInrMinor };
}

function toInr(amountMinor: number, currency: Currency, fx: FxSnapshot | null): number {
  try {
    return convertMoney({ amountMinor, currency }, fx, 'INR').amountMinor;
  } catch {
    throw new AppError('validation_failed', 'The INR equivalent of this quote is too large to record.', {
      fields: { lines: 'total too large' },
    });
  }
}
