import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** The outcome of reading a phone number typed by a person or a spreadsheet. */
export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Normalises a phone number to E.164 (+919820012345). Numbers without a country code are
 * read as Indian: "098200 12345", "+91-98200-12345" and "9820012345" all give +919820012345.
 * A number that cannot be dialled is refused with a message a person can act on.
 */
export function normalisePhone(raw: string, defaultCountry: 'IN' | 'AE' | 'US' | 'GB' = 'IN'): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'phone is empty' };
  if (/[a-z]/i.test(text.replace(/\s*(ext|x)\.?\s*\d+$/i, ''))) {
    return { ok: false, message: `"${raw}" has letters in it; enter digits like 98200 12345` };
  }
  // "0091…" is how many Indians write the international prefix.
  const cleaned = text.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed?.isValid()) {
    return {
      ok: false,
      message: `"${raw}" is not a valid phone number; use 10 digits like 98200 12345 or +countrycode`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** Digits for wa.me links and tel: URIs: +919820012345 → 919820012345. */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** Human display in the national style for Indian numbers (+91 98200 12345), international otherwise. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'IN'
    ? `+91 ${parsed.nationalNumber.slice(0, 5)} ${parsed.nationalNumber.slice(5)}`
    : parsed.formatInternational();
}
