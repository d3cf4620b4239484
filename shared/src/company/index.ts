/** The house's profile (letterhead, GSTIN, bank details) and its settings. */
export { type CompanyProfile, DEMO_COMPANY, quoteShareMessage, whatsappShareUrl } from './profile.ts';
export { type CompanyProfileInput, MAX_LOGO_BYTES, ZCompanyProfile } from './schemas.ts';
