import { z } from 'zod';
import { ZId } from '../common/schemas.ts';
import { ZAssignmentStatus, ZPoLine } from './schemas.ts';

/** The purpose of a vendor's PO share link: its own key, so a quote or brief token never opens a PO. */
export const PO_LINK_PURPOSE = 'mandap:vendor-po-link:v1' as const;

/** How long a PO link lasts unless staff choose otherwise. */
const PO_LINK_DEFAULT_DAYS = 30;

export const ZPoLinkCreate = z.strictObject({
  days: z
    .number()
    .int({ error: 'days is a whole number' })
    .min(1, { error: 'a link lasts at least 1 day' })
    .max(180, { error: 'a link lasts at most 180 days' })
    .default(PO_LINK_DEFAULT_DAYS),
});

/** A PO link as staff see it (the URL only when it was just made: the token is not stored). */
export const ZPoLink = z.object({
  id: ZId,
  assignmentId: ZId,
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastOpenedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PoLink = z.infer<typeof ZPoLink>;

export const ZPoLinkMade = z.object({
  link: ZPoLink,
  url: z.string(),
  /** The WhatsApp message carrying the link, and a wa.me URL that opens it for the vendor's phone. */
  message: z.string(),
  whatsappUrl: z.string(),
});

export const ZPoAccept = z.strictObject({
  name: z.string().trim().min(2, { error: 'type your name to accept' }).max(120),
});

/**
 * What a vendor sees through a PO link: their PO, the event's date and venue, what is paid and
 * due. Nothing of the client's money, margins or other vendors.
 */
export const ZPublicPo = z.object({
  company: z.string(),
  vendorName: z.string(),
  poNumber: z.string().nullable(),
  poDate: z.string().nullable(),
  status: ZAssignmentStatus,
  scope: z.string(),
  lines: z.array(ZPoLine),
  currency: z.string(),
  amountMinor: z.number().int(),
  paidMinor: z.number().int(),
  dueMinor: z.number().int(),
  terms: z.string().nullable(),
  event: z.object({
    name: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    city: z.string(),
    venue: z.string().nullable(),
  }),
  arrivalExpectedAt: z.string().nullable(),
  schedule: z.array(
    z.object({ label: z.string(), dueDate: z.string(), amountMinor: z.number().int(), paidMinor: z.number().int() }),
  ),
  payments: z.array(
    z.object({
      paidOn: z.string(),
      amountMinor: z.number().int(),
      tdsMinor: z.number().int(),
      netMinor: z.number().int(),
      mode: z.string(),
      reference: z.string().nullable(),
    }),
  ),
  acceptedAt: z.string().nullable(),
  acceptedName: z.string().nullable(),
  /** True while the vendor may still accept (a requested PO not yet accepted). */
  canAccept: z.boolean(),
  expiresAt: z.string(),
});
export type PublicPo = z.infer<typeof ZPublicPo>;
