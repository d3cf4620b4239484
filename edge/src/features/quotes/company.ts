import { type CompanyProfile, DEMO_COMPANY } from '@mandap/shared';

/**
 * The supplier on every quotation. Demo defaults (Gulmohar Events Pvt Ltd, Mumbai, GSTIN
 * with a valid checksum) until company settings exist; its state decides CGST + SGST vs IGST.
 */
export function companyProfile(): CompanyProfile {
  return DEMO_COMPANY;
}
