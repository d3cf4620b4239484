import { z } from 'zod';
import { ZEmail } from '../common/schemas.ts';
import { ZGstin } from '../leads/schemas.ts';
import { GST_STATE_CODES, GST_STATES } from '../quotes/gst.ts';

/** The largest logo accepted, in bytes of the image (its data URL is about a third longer). */
export const MAX_LOGO_BYTES = 200 * 1024;

const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** Bytes of the image a base64 data URL carries. */
function dataUrlBytes(dataUrl: string): number {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
}

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} is required` })
    .max(max);

/** The company on every quotation; its GSTIN must carry a valid checksum and match the state code. */
export const ZCompanyProfile = z
  .strictObject({
    legalName: text(200, 'the legal name'),
    tradeName: text(120, 'the trade name'),
    gstin: ZGstin,
    pan: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{5}[0-9]{4}[A-Z]$/, { error: 'a PAN is 5 letters, 4 digits and a letter (AAHCG4821K)' }),
    stateCode: z.enum(GST_STATE_CODES, { error: 'use a two-digit GST state code, e.g. 27 for Maharashtra' }),
    address: z
      .array(z.string().trim().min(1).max(120))
      .min(1, { error: 'give at least one address line' })
      .max(4, { error: 'use at most four address lines' }),
    phone: text(40, 'a phone number'),
    email: ZEmail,
    website: z.string().trim().max(120),
    bank: z.strictObject({
      accountName: text(200, 'the account name'),
      bankName: text(120, 'the bank name'),
      accountNumber: z
        .string()
        .trim()
        .regex(/^\d{6,18}$/, { error: 'an account number has 6 to 18 digits' }),
      ifsc: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, {
          error: 'an IFSC is 4 letters, a zero and 6 letters or digits (HDFC0000240)',
        }),
      branch: z.string().trim().max(120),
    }),
    upiId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64}$/, { error: 'a UPI id looks like name@bank' }),
    defaultTerms: z.string().trim().max(8000),
    logoDataUrl: z
      .string()
      .regex(LOGO_DATA_URL, { error: 'the logo must be a PNG or JPEG image' })
      .refine((v) => dataUrlBytes(v) <= MAX_LOGO_BYTES, {
        error: `the logo is too large: use an image under ${MAX_LOGO_BYTES / 1024} KB`,
      })
      .nullable()
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.gstin.slice(0, 2) !== p.stateCode)
      ctx.addIssue({
        code: 'custom',
        path: ['stateCode'],
        message: `the GSTIN is registered in ${GST_STATES[p.gstin.slice(0, 2) as keyof typeof GST_STATES] ?? 'another state'} (${p.gstin.slice(0, 2)}); the state code must match it`,
      });
    if (p.gstin.slice(2, 12) !== p.pan)
      ctx.addIssue({
        code: 'custom',
        path: ['pan'],
        message: 'the PAN must be the one inside the GSTIN (characters 3 to 12)',
      });
  });
export type CompanyProfileInput = z.input<typeof ZCompanyProfile>;
