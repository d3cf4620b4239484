import { type Currency, convertMoney, type FxSnapshot } from '@mandap/shared/money';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { quoteVersions } from '../../db/schema/index.ts';

/**
 * The INR value at which a foreign-currency receivable is carried: at the accepted quote's rate
 * when it had one (the milestones were priced at it). Money settling it at another rate (a
 * payment, or credit on account held at its own day's rate) books the difference to FX gain/loss.
 * INR, or a quote without a rate: `fallback`.
 */
export async function carriedInr(
  tx: DbOrTx,
  quoteVersionId: string | null,
  amountMinor: number,
  currency: Currency,
  fallback: number,
): Promise<number> {
  if (currency === 'INR' || !quoteVersionId || amountMinor === 0) return fallback;
  const [v] = await tx.select({ fx: quoteVersions.fx }).from(quoteVersions).where(eq(quoteVersions.id, quoteVersionId));
  const fx = v?.fx as FxSnapshot | null | undefined;
  if (!fx || fx.base !== currency || fx.quote !== 'INR') return fallback;
  return convertMoney({ amountMinor, currency }, fx, 'INR').amountMinor;
}
