import type { QuoteCategory, TaxClass } from './tax-classes.ts';

/** A reusable quotation line with its default rate (INR minor units). */
export interface CatalogueItem {
  id: string;
  name: string;
  category: QuoteCategory;
  unit: string;
  rateMinor: number;
  taxClass: TaxClass;
  sac: string;
  /** Only on the house's own items (which can be edited and retired); false when retired. Built-in items have none. */
  active?: boolean;
}

/** The house's standard lines with default rates: what the builder's picker offers. */
export const DEFAULT_CATALOGUE: readonly CatalogueItem[] = [
  {
    id: 'mandap-decor',
    name: 'Mandap décor, floral (standard)',
    category: 'decor',
    unit: 'set',
    rateMinor: 3_50_000_00,
    taxClass: 'gst_18',
    sac: '998596',
  },
  {
    id: 'stage-decor',
    name: 'Sangeet stage with LED backdrop',
    category: 'decor',
    unit: 'set',
    rateMinor: 2_20_000_00,
    taxClass: 'gst_18',
    sac: '998596',
  },
  {
    id: 'entrance-decor',
    name: 'Entrance arch and pathway florals',
    category: 'decor',
    unit: 'set',
    rateMinor: 85_000_00,
    taxClass: 'gst_18',
    sac: '998596',
  },
  {
    id: 'veg-buffet',
    name: 'Veg dinner buffet',
    category: 'catering',
    unit: 'plate',
    rateMinor: 1_650_00,
    taxClass: 'gst_5',
    sac: '996334',
  },
  {
    id: 'nonveg-buffet',
    name: 'Non-veg dinner buffet',
    category: 'catering',
    unit: 'plate',
    rateMinor: 2_100_00,
    taxClass: 'gst_5',
    sac: '996334',
  },
  {
    id: 'hi-tea',
    name: 'Hi-tea with live chaat counter',
    category: 'catering',
    unit: 'plate',
    rateMinor: 750_00,
    taxClass: 'gst_5',
    sac: '996334',
  },
  {
    id: 'banquet',
    name: 'Banquet hall booking (at actuals)',
    category: 'venue',
    unit: 'day',
    rateMinor: 4_00_000_00,
    taxClass: 'pass_through',
    sac: '997212',
  },
  {
    id: 'dj',
    name: 'DJ with sound and lights',
    category: 'entertainment',
    unit: 'night',
    rateMinor: 95_000_00,
    taxClass: 'gst_18',
    sac: '999692',
  },
  {
    id: 'dhol',
    name: 'Dhol players (baraat)',
    category: 'entertainment',
    unit: 'player',
    rateMinor: 12_000_00,
    taxClass: 'gst_18',
    sac: '999692',
  },
  {
    id: 'singer',
    name: 'Live Sufi singer with band',
    category: 'artist_fees',
    unit: 'show',
    rateMinor: 3_50_000_00,
    taxClass: 'gst_18',
    sac: '999692',
  },
  {
    id: 'photo',
    name: 'Candid photography and film (2 days)',
    category: 'photography',
    unit: 'package',
    rateMinor: 2_75_000_00,
    taxClass: 'gst_18',
    sac: '998383',
  },
  {
    id: 'rooms',
    name: 'Guest rooms (at actuals)',
    category: 'hospitality',
    unit: 'room-night',
    rateMinor: 9_500_00,
    taxClass: 'pass_through',
    sac: '996311',
  },
  {
    id: 'transfers',
    name: 'Airport transfers, Innova Crysta',
    category: 'logistics',
    unit: 'trip',
    rateMinor: 3_200_00,
    taxClass: 'gst_5',
    sac: '996601',
  },
  {
    id: 'mgmt-fee',
    name: 'Event management fee',
    category: 'management',
    unit: 'event',
    rateMinor: 1_50_000_00,
    taxClass: 'gst_18',
    sac: '998596',
  },
];
