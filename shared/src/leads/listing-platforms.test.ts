import { describe, expect, it } from 'vitest';
import { findListingPlatform, parseListingPlatforms, platformOfVisit } from './listing-platforms.ts';

describe('listing platforms from configuration', () => {
  it('keeps the built-in platforms as their own sources and tags others as listing with their name', () => {
    const p = parseListingPlatforms(' wedmegood, JustDial ,weddingbazaar:WeddingBazaar,venue_look,,wedmegood');
    expect(p).toEqual([
      { key: 'wedmegood', label: 'WedMeGood', source: 'wedmegood', sourceDetail: null },
      { key: 'justdial', label: 'JustDial', source: 'justdial', sourceDetail: null },
      { key: 'weddingbazaar', label: 'WeddingBazaar', source: 'listing', sourceDetail: 'WeddingBazaar' },
      { key: 'venue_look', label: 'Venue Look', source: 'listing', sourceDetail: 'Venue Look' },
    ]);
  });

  it('finds a platform by key or label whatever the spacing', () => {
    const p = parseListingPlatforms('weddingbazaar:Wedding Bazaar,weddingwire_india');
    expect(findListingPlatform(p, 'wedding bazaar')?.key).toBe('weddingbazaar');
    expect(findListingPlatform(p, 'WeddingWire India')?.source).toBe('weddingwire_india');
    expect(findListingPlatform(p, 'Instagram')).toBeUndefined();
  });
});

describe('the platform a website visitor came from', () => {
  const p = parseListingPlatforms('wedmegood,weddingbazaar:WeddingBazaar');
  it('reads utm_source first, then the referrer host', () => {
    expect(platformOfVisit(p, { utmSource: 'WeddingBazaar', referrer: 'https://www.wedmegood.com/x' })?.key).toBe(
      'weddingbazaar',
    );
    expect(platformOfVisit(p, { utmSource: 'newsletter', referrer: 'https://www.wedmegood.com/vendors/a' })?.key).toBe(
      'wedmegood',
    );
  });
  it('finds nothing for other visitors or an unreadable referrer', () => {
    expect(platformOfVisit(p, { utmSource: 'google', referrer: 'https://www.google.com/' })).toBeUndefined();
    expect(platformOfVisit(p, { referrer: 'not a url' })).toBeUndefined();
    expect(platformOfVisit(p, {})).toBeUndefined();
  });
});
