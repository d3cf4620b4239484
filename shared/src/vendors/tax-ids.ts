export type IdCheck = { ok: true; value: string } | { ok: false; reason: string };

/** PAN: five letters, four digits, one letter; the fourth letter says what kind of holder it is. */
const PAN_FORMAT = /^[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z]$/;

export function checkPan(raw: string): IdCheck {
  const pan = raw.trim().toUpperCase();
  if (pan.length !== 10) return { ok: false, reason: `a PAN has 10 characters; this has ${pan.length}` };
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(pan))
    return { ok: false, reason: 'a PAN looks like AAPFU0939F: five letters, four digits, one letter' };
  if (!PAN_FORMAT.test(pan))
    return {
      ok: false,
      reason: `the fourth letter (${pan[3]}) is not a PAN holder type (P, C, F, H, A, T, B, L, J, G)`,
    };
  return { ok: true, value: pan };
}

/** IFSC: four letters (the bank), a zero, six letters or digits (the branch). */
export function checkIfsc(raw: string): IdCheck {
  const ifsc = raw.trim().toUpperCase();
  if (ifsc.length !== 11) return { ok: false, reason: `an IFSC has 11 characters; this has ${ifsc.length}` };
  if (!/^[A-Z]{4}0[A-Z0-9]{6}$/.test(ifsc))
    return { ok: false, reason: 'an IFSC looks like HDFC0001234: four letters, a zero, six letters or digits' };
  return { ok: true, value: ifsc };
}

/** A foreign tax id (VAT, TRN, EIN…): 4–30 letters, digits, spaces, dots, slashes or dashes, with at least one digit. */
export function checkForeignTaxId(raw: string): IdCheck {
  const v = raw.trim().toUpperCase();
  if (v.length < 4 || v.length > 30) return { ok: false, reason: 'a foreign tax id has 4 to 30 characters' };
  if (!/^[A-Z0-9][A-Z0-9 ./-]*$/.test(v) || !/[0-9]/.test(v))
    return { ok: false, reason: 'use letters, digits, spaces, dots, slashes or dashes, with at least one digit' };
  return { ok: true, value: v };
}

/** A bank account number: 6 to 18 digits (Indian banks); foreign IBANs may have letters. */
export function checkAccountNumber(raw: string): IdCheck {
  const v = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z0-9]{6,34}$/.test(v) || !/[0-9]{4}$/.test(v))
    return { ok: false, reason: 'an account number has 6 to 34 letters or digits and ends in digits' };
  return { ok: true, value: v };
}

/** "XXXXXX1234": only the last four characters are ever shown without the reveal. */
export function maskAccountNumber(last4: string | null): string | null {
  return last4 ? `XXXXXX${last4}` : null;
}
