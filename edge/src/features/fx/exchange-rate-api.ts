import { type Currency, type FxSnapshot, isRate } from '@mandap/shared/money';

/** Where rates come from: one implementation per provider, swappable in tests. */
export interface FxProvider {
  readonly name: 'exchangerate_api';
  /** Units of `quote` per one `base`, for each requested base currency. */
  latestRates(bases: readonly Currency[], quote: Currency): Promise<FxSnapshot[]>;
}

export class FxProviderError extends Error {
  override name = 'FxProviderError';
}

interface LatestResponse {
  result: 'success' | 'error';
  'error-type'?: string;
  base_code?: string;
  time_last_update_unix?: number;
  conversion_rates?: Record<string, number>;
}

/** A JSON number as a plain decimal string (no exponent), at most 12 decimals. */
export function decimalString(n: number): string {
  const s = Number.isInteger(n) || !/e/i.test(String(n)) ? String(n) : n.toFixed(12).replace(/0+$/, '');
  return s.replace(/\.$/, '');
}

/**
 * ExchangeRate-API v6 (`GET /v6/<key>/latest/<BASE>`): one request per base currency, so
 * INR per USD comes straight from the provider rather than from inverting INR→USD.
 */
export function exchangeRateApi(opts: { apiKey: string; baseUrl: string; fetch?: typeof fetch }): FxProvider {
  const doFetch = opts.fetch ?? fetch;
  return {
    name: 'exchangerate_api',
    async latestRates(bases, quote) {
      const out: FxSnapshot[] = [];
      for (const base of bases) {
        const url = `${opts.baseUrl.replace(/\/$/, '')}/v6/${encodeURIComponent(opts.apiKey)}/latest/${base}`;
        let res: Response;
        try {
          res = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
        } catch (e) {
          throw new FxProviderError(`ExchangeRate-API could not be reached (${(e as Error).message}).`);
        }
        const body = (await res.json().catch(() => null)) as LatestResponse | null;
        if (!res.ok || !body || body.result !== 'success')
          throw new FxProviderError(
            `ExchangeRate-API refused ${base}: ${body?.['error-type'] ?? `HTTP ${res.status}`}.`,
          );
        const value = body.conversion_rates?.[quote];
        const rate = typeof value === 'number' ? decimalString(value) : '';
        if (!isRate(rate)) throw new FxProviderError(`ExchangeRate-API sent no usable ${base}→${quote} rate.`);
        const asOf = new Date((body.time_last_update_unix ?? 0) * 1000).toISOString();
        out.push({ base, quote, rate, source: 'exchangerate_api', asOf });
      }
      return out;
    },
  };
}
