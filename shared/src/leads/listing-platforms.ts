import type { LeadSource } from './lifecycle.ts';

/** The listing platforms with a source of their own (the defaults of LISTING_PLATFORMS). */
export const BUILT_IN_PLATFORMS = {
  wedmegood: 'WedMeGood',
  weddingwire_india: 'WeddingWire India',
  justdial: 'JustDial',
  shaadisaga: 'ShaadiSaga',
} as const satisfies Partial<Record<LeadSource, string>>;

/** A listing platform leads come from, and how a lead from it is tagged. */
export interface ListingPlatform {
  key: string;
  label: string;
  /** The built-in platforms are sources of their own; any other is `listing` with the label as source detail. */
  source: LeadSource;
  sourceDetail: string | null;
}

const titleCase = (key: string) =>
  key
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/**
 * Reads LISTING_PLATFORMS: comma-separated entries `key` or `key:Label`
 * (e.g. `wedmegood,justdial,weddingbazaar:WeddingBazaar`). Blank and repeated entries are dropped.
 */
export function parseListingPlatforms(raw: string): ListingPlatform[] {
  const seen = new Set<string>();
  const out: ListingPlatform[] = [];
  for (const entry of raw.split(',')) {
    const [rawKey = '', ...rest] = entry.split(':');
    const key = rawKey
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const builtIn = (BUILT_IN_PLATFORMS as Record<string, string>)[key];
    const label = rest.join(':').trim() || builtIn || titleCase(key);
    out.push(
      builtIn
        ? { key, label, source: key as LeadSource, sourceDetail: null }
        : { key, label, source: 'listing', sourceDetail: label },
    );
  }
  return out;
}

/** Finds a configured platform by key or label, case and spacing ignored ("Wedding Bazaar" → weddingbazaar). */
export function findListingPlatform(platforms: readonly ListingPlatform[], text: string): ListingPlatform | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const t = norm(text);
  return platforms.find((p) => norm(p.key) === t || norm(p.label) === t);
}

/**
 * The listing platform a website visitor came from, if any: `utm_source` naming a configured
 * platform (`?utm_source=wedmegood`), else the referrer's host (`www.weddingbazaar.com`).
 */
export function platformOfVisit(
  platforms: readonly ListingPlatform[],
  visit: { utmSource?: string | null; referrer?: string | null },
): ListingPlatform | undefined {
  const byUtm = visit.utmSource ? findListingPlatform(platforms, visit.utmSource) : undefined;
  if (byUtm || !visit.referrer) return byUtm;
  // shared/ runs without DOM or Node types, so the host is read by pattern rather than URL.
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(visit.referrer)?.[1];
  return host
    ?.split('.')
    .map((label) => findListingPlatform(platforms, label))
    .find(Boolean);
}
