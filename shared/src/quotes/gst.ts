/**
 * GST rules a quotation needs: GSTIN format and checksum, state codes, place of supply
 * (CGST + SGST within a state, IGST across states), and rounding under section 170 of the
 * CGST Act (tax rounded to the nearest rupee, 50 paise and above up).
 */

/**
 * GST state and union-territory codes (the first two digits of a GSTIN): the GSTN's full list,
 * including the older codes registrations made before a reorganisation still carry (25, 28)
 * and the special ones (97 Other Territory, 99 Centre Jurisdiction).
 */
export const GST_STATES = {
  '01': 'Jammu and Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  /** Merged into 26 in 2020; registrations made before still carry 25. */
  '25': 'Daman and Diu',
  '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra',
  /** Andhra Pradesh before the 2014 division (now 37); older registrations still carry 28. */
  '28': 'Andhra Pradesh (before division)',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman and Nicobar Islands',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
  '97': 'Other Territory',
  /** Registrations under the Centre's jurisdiction (e.g. some PSUs and embassies). */
  '99': 'Centre Jurisdiction',
  /** Not a GSTIN prefix: the place of supply for services supplied outside India (export). */
  '96': 'Outside India (export)',
} as const;
export type GstStateCode = keyof typeof GST_STATES;
export const GST_STATE_CODES = Object.keys(GST_STATES) as GstStateCode[];

/** Place of supply meaning "outside India": an export of services, zero-rated. */
const EXPORT_PLACE_OF_SUPPLY = '96' satisfies GstStateCode;

/** True when `code` is one of the GST state codes (GST_STATES). */
export function isGstStateCode(code: string): code is GstStateCode {
  return Object.hasOwn(GST_STATES, code);
}

const GSTIN_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** 2-digit state, 10-character PAN, entity number, 'Z', check character. */
const GSTIN_FORMAT = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

/**
 * The check character of a GSTIN from its first 14 characters (the GSTN's mod-36 scheme:
 * alternate weights 1 and 2, each product folded as quotient + remainder of 36).
 */
export function gstinCheckCharacter(first14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = GSTIN_ALPHABET.indexOf(first14[i] ?? '');
    if (value < 0) throw new RangeError(`not a GSTIN character: ${first14[i]}`);
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return GSTIN_ALPHABET[(36 - (sum % 36)) % 36]!;
}

export type GstinCheck = { ok: true; stateCode: GstStateCode } | { ok: false; reason: string };

/** Checks a GSTIN's shape, state code and check character; the reason says what to fix. */
export function checkGstin(raw: string): GstinCheck {
  const gstin = raw.trim().toUpperCase();
  if (gstin.length !== 15) return { ok: false, reason: `a GSTIN has 15 characters; this has ${gstin.length}` };
  if (!GSTIN_FORMAT.test(gstin))
    return { ok: false, reason: 'a GSTIN looks like 27AAPFU0939F1ZV: state code, PAN, entity number, Z, check' };
  const state = gstin.slice(0, 2);
  if (!isGstStateCode(state) || state === EXPORT_PLACE_OF_SUPPLY)
    return { ok: false, reason: `${state} is not a GST state code` };
  if (gstinCheckCharacter(gstin.slice(0, 14)) !== gstin[14])
    return { ok: false, reason: 'the last character (checksum) does not match: check for a typo' };
  return { ok: true, stateCode: state };
}

/**
 * The place of supply to pre-fill for a buyer with this GSTIN: its first two digits, the state
 * it is registered in (s.12 IGST Act: a registered buyer's location). Null until the GSTIN is
 * whole and valid, so a half-typed or mistyped one never moves the place of supply.
 */
export function placeOfSupplyFromGstin(raw: string | null | undefined): GstStateCode | null {
  if (!raw) return null;
  const r = checkGstin(raw.replace(/\s+/g, ''));
  return r.ok ? r.stateCode : null;
}

/** True for a well-formed GSTIN with a correct check character. */
export function isValidGstin(raw: string): boolean {
  return checkGstin(raw).ok;
}

/** How GST applies to a supply: within one state (CGST + SGST), across states (IGST), or an export (zero-rated). */
export type GstRegime = 'intra_state' | 'inter_state' | 'export';

/**
 * The place-of-supply rule: same state as the supplier → CGST + SGST; another state →
 * IGST; outside India → export (zero-rated under a letter of undertaking).
 */
export function gstRegime(supplierState: GstStateCode, placeOfSupply: GstStateCode): GstRegime {
  if (placeOfSupply === EXPORT_PLACE_OF_SUPPLY) return 'export';
  return supplierState === placeOfSupply ? 'intra_state' : 'inter_state';
}

/**
 * How tax is rounded, once per tax head on the whole quote:
 * `nearest_rupee` (section 170 of the CGST Act: 50 paise and above up; the default) or
 * `nearest_paisa` (no rupee rounding). For other currencies the "rupee" is the major unit.
 */
export const TAX_ROUNDING_MODES = ['nearest_rupee', 'nearest_paisa'] as const;
export type TaxRounding = (typeof TAX_ROUNDING_MODES)[number];

/** The most CGST + SGST can differ from IGST on the same supply, in minor units, under a rounding mode. */
export function maxSplitDifferenceMinor(mode: TaxRounding, minorDigits = 2): number {
  // Each head rounds once: 2 × round(x/2) and round(x) are each within half a unit of x.
  return mode === 'nearest_rupee' ? 10 ** minorDigits : 1;
}

/** Divides two non-negative big integers rounding half up (away from zero). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/**
 * Rounds an exact tax amount, given as `numerator / denominator` minor units, under `mode`
 * and returns whole minor units.
 */
export function roundTax(numerator: bigint, denominator: bigint, mode: TaxRounding, minorDigits = 2): bigint {
  const unit = mode === 'nearest_rupee' ? 10n ** BigInt(minorDigits) : 1n;
  return divRoundHalfUp(numerator, denominator * unit) * unit;
}

/** SAC 998596: event management services; the default for a quotation line. */
export const SAC_EVENT_MANAGEMENT = '998596';

/**
 * The place of supply of an event service to a registered buyer is the buyer's location
 * (s.12(2)(a) and 12(7)(a)(i) of the IGST Act), i.e. the state of their GSTIN. Says what is
 * wrong when the chosen place of supply differs from that state; null when it matches or
 * there is no valid GSTIN to compare with.
 */
export function placeOfSupplyMismatch(
  buyerGstin: string | null | undefined,
  placeOfSupply: GstStateCode,
): string | null {
  const check = buyerGstin ? checkGstin(buyerGstin) : null;
  if (!check?.ok || check.stateCode === placeOfSupply) return null;
  const buyer = `${GST_STATES[check.stateCode]} (${check.stateCode})`;
  const chosen = `${GST_STATES[placeOfSupply]} (${placeOfSupply})`;
  return `The buyer's GSTIN is registered in ${buyer} but the place of supply is ${chosen}: for a B2B supply the place of supply is the buyer's state, so set it to ${buyer} or correct the GSTIN.`;
}
