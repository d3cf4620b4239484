import { allocate } from '@mandap/shared/money';
import { contractGstParts, type GstParts } from '@mandap/shared/payments';
import { SAC_EVENT_MANAGEMENT } from '@mandap/shared/quotes';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, quotes, quoteVersionDetails } from '../../db/schema/index.ts';
import type { EventRow } from '../payments/event-scope.ts';
import { acceptedVersionOf } from '../payments/milestones.service.ts';
import { companyProfile } from '../quotes/company.ts';

/** What a tax document is drawn from: the accepted quote version's GST make-up, buyer and place of supply. */
export interface Contract {
  versionId: string;
  quoteCode: string;
  version: number;
  currency: string;
  parts: GstParts;
  totalInrMinor: number;
  buyer: { name: string; gstin: string | null; address: string | null };
  placeOfSupply: string | null;
  sac: string;
}

/**
 * The event's contract for invoicing, or null when no quote version is accepted. Taxes come
 * from the version's totals (CGST + SGST or IGST as the quotation decided from the place of
 * supply); a version saved without details falls back to the client's state against the
 * company's.
 */
export async function contractOf(db: DbOrTx, event: EventRow): Promise<Contract | null> {
  const v = await acceptedVersionOf(db, event.id);
  if (!v) return null;
  const [[q], [details], [client], company] = await Promise.all([
    db.select({ code: quotes.code }).from(quotes).where(eq(quotes.id, v.quoteId)),
    db.select().from(quoteVersionDetails).where(eq(quoteVersionDetails.versionId, v.id)),
    event.clientId ? db.select().from(clients).where(eq(clients.id, event.clientId)) : Promise.resolve([]),
    companyProfile(db),
  ]);
  const draft = details?.draft;
  const totals = details?.totals;
  const placeOfSupply = draft?.placeOfSupply ?? client?.stateCode ?? company.stateCode;
  const parts = contractGstParts({
    totalMinor: v.totalMinor,
    cgstMinor: totals?.cgstMinor,
    sgstMinor: totals?.sgstMinor,
    igstMinor: totals?.igstMinor,
    fallbackTaxMinor: v.taxMinor,
    isIntraState: placeOfSupply === company.stateCode,
  });
  const lines = (v.lines ?? []) as { sac?: string }[];
  const sacs = [...new Set(lines.map((l) => l.sac).filter((s): s is string => Boolean(s)))];
  return {
    versionId: v.id,
    quoteCode: q?.code ?? '',
    version: v.version,
    currency: v.currency,
    parts,
    totalInrMinor: v.totalInrMinor,
    buyer: {
      name: draft?.buyerName || client?.billingName || client?.name || 'Client',
      gstin: draft?.buyerGstin ?? client?.gstin ?? null,
      address: draft?.buyerAddress ?? client?.billingAddress ?? null,
    },
    placeOfSupply,
    sac: sacs.length ? sacs.join(', ') : SAC_EVENT_MANAGEMENT,
  };
}

/** The INR value of `part` of `whole` whose INR value is `wholeInr`, split exactly. */
export function inrShare(part: number, whole: number, wholeInr: number): number {
  if (part === whole || whole === 0) return wholeInr;
  return allocate(wholeInr, [part, whole - part])[0]!;
}
