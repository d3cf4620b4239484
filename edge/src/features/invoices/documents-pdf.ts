import type { Currency } from '@mandap/shared/money';
import { PAYMENT_MODE_LABELS } from '@mandap/shared/payments';
import { renderReceiptPdf, renderTaxDocumentPdf } from '@mandap/shared/pdf';
import { SAC_EVENT_MANAGEMENT } from '@mandap/shared/quotes';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clients, milestones, payments, taxDocuments } from '../../db/schema/index.ts';
import type { AppContext, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { loadVisibleEvent } from '../payments/event-scope.ts';
import { companyProfile } from '../quotes/company.ts';
import { loadPdfKit } from '../quotes/quote-pdf.ts';

/**
 * The PDF of an invoice or credit note the viewer may see (clients: their own events; else 404).
 * `null`: the caller already scoped it to one event (the client's page link).
 */
export async function taxDocumentPdf(db: DbOrTx, viewer: Viewer | null, id: string) {
  const [d] = await db.select().from(taxDocuments).where(eq(taxDocuments.id, id));
  if (!d) throw notFound('That document');
  const event = await loadVisibleEvent(db, viewer, d.eventId);
  const references = [`Event ${event.code}`];
  let description = `Event management services · ${event.name}`;
  if (d.milestoneId) {
    const [m] = await db.select({ label: milestones.label }).from(milestones).where(eq(milestones.id, d.milestoneId));
    if (m) description = `${m.label} · ${event.name}`;
  }
  if (d.kind === 'credit_note') {
    const [p] = d.paymentId ? await db.select().from(payments).where(eq(payments.id, d.paymentId)) : [];
    if (p) references.push(`Refund ${p.code}`);
    description = `Refund of event management services · ${event.name}`;
  }
  const bytes = renderTaxDocumentPdf(await loadPdfKit(), {
    kind: d.kind,
    number: d.number,
    issuedOn: d.issuedOn,
    company: await companyProfile(db),
    buyer: d.buyer,
    placeOfSupply: d.placeOfSupply,
    currency: d.currency as Currency,
    description,
    sac: SAC_EVENT_MANAGEMENT,
    parts: d,
    references,
  });
  return { bytes: new Uint8Array(bytes), name: d.number };
}

/** The receipt PDF of money received (a refund has no receipt: its credit note or the ledger shows it). */
export async function receiptPdf(db: DbOrTx, viewer: Viewer | null, paymentId: string) {
  const [p] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!p?.eventId) throw notFound('That payment');
  const event = await loadVisibleEvent(db, viewer, p.eventId);
  if (p.amountMinor < 0)
    throw new AppError('unprocessable', `${p.code} is a refund: download its credit note from the event's documents.`);
  const allocs = p.allocations ?? [];
  const labels = allocs.length
    ? await db
        .select({ id: milestones.id, label: milestones.label })
        .from(milestones)
        .where(
          inArray(
            milestones.id,
            allocs.map((a) => a.milestoneId),
          ),
        )
    : [];
  const labelOf = new Map(labels.map((l) => [l.id, l.label]));
  const [client] = p.clientId ? await db.select().from(clients).where(eq(clients.id, p.clientId)) : [];
  const bytes = renderReceiptPdf(await loadPdfKit(), {
    number: p.code,
    receivedOn: p.receivedOn,
    company: await companyProfile(db),
    receivedFrom: client?.billingName || client?.name || 'Client',
    eventLabel: `${event.code} · ${event.name}`,
    modeLabel: PAYMENT_MODE_LABELS[p.mode],
    reference: p.reference,
    currency: p.currency as Currency,
    amountMinor: p.amountMinor,
    inr:
      p.currency !== 'INR' && p.fx
        ? { amountMinor: p.amountInrMinor, rate: `${p.fx.rate} INR per ${p.currency}` }
        : null,
    allocations: allocs.map((a) => ({ label: labelOf.get(a.milestoneId) ?? 'Milestone', amountMinor: a.amountMinor })),
  });
  return { bytes: new Uint8Array(bytes), name: p.code };
}

/** Answers a PDF inline, its file name from the document number (INV/2627/000001 → INV-2627-000001.pdf). */
export function pdfReply(c: AppContext, pdf: { bytes: Uint8Array; name: string }) {
  return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${pdf.name.replaceAll('/', '-')}.pdf"`,
    'cache-control': 'private, no-store',
  }) as never;
}
