import { newId } from '@mandap/shared/common';
import { CURRENCIES, type Currency, type FxSnapshot } from '@mandap/shared/money';
import { checkFxRate } from '@mandap/shared/payments';
import type { ManualFxRate } from '@mandap/shared/quotes';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { fxRates } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import { exchangeRateApi, type FxProvider, FxProviderError } from './exchange-rate-api.ts';

type FxRow = typeof fxRates.$inferSelect;

const toSnapshot = (r: FxRow): FxSnapshot => ({
  base: r.base as Currency,
  quote: r.quote as Currency,
  rate: r.rate,
  source: r.source,
  asOf: r.asOf,
});

/** The newest stored rate for a pair (manual or provider), or null. */
export async function latestRate(db: DbOrTx, base: Currency, quote: Currency): Promise<FxSnapshot | null> {
  const [row] = await db
    .select()
    .from(fxRates)
    .where(and(eq(fxRates.base, base), eq(fxRates.quote, quote)))
    .orderBy(desc(fxRates.asOf), desc(fxRates.createdAt))
    .limit(1);
  return row ? toSnapshot(row) : null;
}

/** The rate a quote in `currency` needs for its INR equivalent; a missing one is a 422 naming the pair. */
export async function requireInrRate(db: DbOrTx, currency: Currency): Promise<FxSnapshot | null> {
  if (currency === 'INR') return null;
  const rate = await latestRate(db, currency, 'INR');
  if (!rate)
    throw new AppError(
      'unprocessable',
      `There is no ${currency}→INR exchange rate yet. Finance can add one (FX rates), or refresh rates from ExchangeRate-API; then try again.`,
      { fields: { currency: `no ${currency}→INR rate` } },
    );
  return rate;
}

/** Newest rate of every stored pair, for the FX screen. */
export async function listLatestRates(deps: Deps): Promise<FxSnapshot[]> {
  const rows = await deps.db.select().from(fxRates).orderBy(desc(fxRates.asOf), desc(fxRates.createdAt));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.base}${r.quote}`) && seen.add(`${r.base}${r.quote}`)).map(toSnapshot);
}

/** Stores rates (append-only history: a newer row wins), with a domain event per batch. */
export async function storeRates(
  deps: Deps,
  rates: FxSnapshot[],
  actorId: string | null,
  type: 'fx.rates_refreshed' | 'fx.rate_set',
): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction(async (tx) => {
    for (const r of rates) {
      await tx.insert(fxRates).values({
        id: newId(),
        base: r.base,
        quote: r.quote,
        rate: r.rate,
        source: r.source === 'manual' ? 'manual' : 'exchangerate_api',
        asOf: r.asOf,
        createdBy: actorId,
        createdAt: now,
      });
    }
    await recordChange(tx, {
      type,
      aggregateType: 'fx_rate',
      aggregateId: rates.map((r) => `${r.base}${r.quote}`).join(','),
      payload: { rates: rates.map((r) => ({ pair: `${r.base}/${r.quote}`, rate: r.rate, asOf: r.asOf })) },
      actorId,
      at: deps.now(),
      audit: { before: null, after: { rates } },
    });
  });
}

/** Finance sets a rate by hand: dated today unless a date is given. */
export async function setManualRate(deps: Deps, viewer: Viewer, input: ManualFxRate): Promise<FxSnapshot> {
  const base = input.base;
  const quote = input.quote ?? 'INR';
  if (base === quote) throw new AppError('validation_failed', 'A rate needs two different currencies.');
  const asOf = input.asOf ? `${input.asOf}T00:00:00.000Z` : deps.now().toISOString();
  const stored = await rateForDay(deps.db, base, quote, asOf.slice(0, 10));
  const problem = checkFxRate(
    'rate',
    input.rate,
    stored?.rate ?? null,
    input.confirmOutsideBand === true,
    'confirmOutsideBand',
  );
  if (problem)
    throw new AppError('unprocessable', `Rate refused: ${problem.reason}.`, {
      fields: { [problem.field]: problem.reason },
    });
  const snapshot: FxSnapshot = { base, quote, rate: input.rate, source: 'manual', asOf };
  await storeRates(deps, [snapshot], viewer.id, 'fx.rate_set');
  return snapshot;
}

/**
 * Refreshes every supported currency's INR rate from the provider and stores them. Without
 * an API key this says so plainly: finance can still enter rates by hand.
 */
export async function refreshRates(deps: Deps, provider: FxProvider | null, actorId: string | null) {
  if (!provider)
    throw new AppError(
      'unprocessable',
      'Automatic FX rates are off: set FX_API_KEY (ExchangeRate-API), or enter rates by hand.',
    );
  let rates: FxSnapshot[];
  try {
    rates = await provider.latestRates(
      CURRENCIES.filter((c) => c !== 'INR'),
      'INR',
    );
  } catch (e) {
    if (e instanceof FxProviderError) throw new AppError('unprocessable', e.message);
    throw e;
  }
  await storeRates(deps, rates, actorId, 'fx.rates_refreshed');
  return rates;
}

/** The configured provider, or null when no key is set. */
export function fxProviderOf(deps: Deps): FxProvider | null {
  const key = deps.env.FX_API_KEY;
  return key ? exchangeRateApi({ apiKey: key, baseUrl: deps.env.FX_API_URL }) : null;
}

const DAY_MS = 86_400_000;

/**
 * The daily FX job, idempotent: refreshes provider rates when the newest is a day old (or
 * missing) and a key is set; otherwise does nothing. For the job ticker's `tick(now)`.
 */
export async function refreshRatesIfStale(
  deps: Deps,
  provider: FxProvider | null,
): Promise<'refreshed' | 'fresh' | 'off'> {
  if (!provider) return 'off';
  const [newest] = await deps.db
    .select({ createdAt: fxRates.createdAt })
    .from(fxRates)
    .where(eq(fxRates.source, 'exchangerate_api'))
    .orderBy(desc(fxRates.createdAt))
    .limit(1);
  if (newest && deps.now().getTime() - Date.parse(newest.createdAt) < DAY_MS) return 'fresh';
  await refreshRates(deps, provider, null);
  return 'refreshed';
}

/** The stored rate for a pair on a day (the newest stated on or before it), else the newest of all; null when none. */
export async function rateForDay(db: DbOrTx, base: Currency, quote: Currency, day: string): Promise<FxSnapshot | null> {
  const [row] = await db
    .select()
    .from(fxRates)
    .where(and(eq(fxRates.base, base), eq(fxRates.quote, quote), lte(fxRates.asOf, `${day}T23:59:59.999Z`)))
    .orderBy(desc(fxRates.asOf), desc(fxRates.createdAt))
    .limit(1);
  return row ? toSnapshot(row) : latestRate(db, base, quote);
}
