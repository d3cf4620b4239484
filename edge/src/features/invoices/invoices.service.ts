import { newId } from '@mandap/shared/common';
import type { Currency } from '@mandap/shared/money';
import {
  checkDocumentDate,
  creditNoteLines,
  type IssueInvoice,
  invoiceLines,
  splitLikeContract,
  type TaxDocument,
} from '@mandap/shared/payments';
import { financialYear, indiaDate as istDate } from '@mandap/shared/time';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { milestones, taxDocuments } from '../../db/schema/index.ts';
import type { Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import type { EventRow } from '../payments/event-scope.ts';
import { loadVisibleEvent } from '../payments/event-scope.ts';
import { postEntry } from '../payments/ledger-store.ts';
import type { MoneyActor } from '../payments/payments.service.ts';
import { type Contract, contractOf, inrShare } from './contract.ts';
import { nextDocumentNumber } from './document-numbers.ts';

type DocRow = typeof taxDocuments.$inferSelect;

export function toTaxDocument(r: DocRow): TaxDocument {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    financialYear: r.financialYear,
    eventId: r.eventId,
    milestoneId: r.milestoneId,
    paymentId: r.paymentId,
    currency: r.currency as Currency,
    taxableMinor: r.taxableMinor,
    cgstMinor: r.cgstMinor,
    sgstMinor: r.sgstMinor,
    igstMinor: r.igstMinor,
    totalMinor: r.totalMinor,
    totalInrMinor: r.totalInrMinor,
    placeOfSupply: r.placeOfSupply,
    buyer: r.buyer,
    issuedOn: r.issuedOn,
  };
}

const refuse = (field: string, message: string) =>
  new AppError('unprocessable', message, { fields: { [field]: message } });

export async function eventDocuments(db: DbOrTx, eventId: string): Promise<DocRow[]> {
  return db.select().from(taxDocuments).where(eq(taxDocuments.eventId, eventId)).orderBy(asc(taxDocuments.createdAt));
}

/** Invoiced value less credit notes, in the contract's currency. */
function netInvoiced(docs: readonly DocRow[]): number {
  return docs.reduce((s, d) => s + (d.kind === 'invoice' ? d.totalMinor : -d.totalMinor), 0);
}

/** Numbers, posts and stores one tax document; the ledger entry and the row share the transaction. */
async function writeDocument(
  tx: Tx,
  actor: MoneyActor,
  d: {
    kind: DocRow['kind'];
    event: EventRow;
    contract: Contract;
    amountMinor: number;
    milestoneId: string | null;
    paymentId: string | null;
    issuedOn: string;
    memo: string;
    at: Date;
  },
): Promise<DocRow> {
  const { event, contract } = d;
  const parts = splitLikeContract(d.amountMinor, contract.parts);
  const totalInrMinor = inrShare(d.amountMinor, contract.parts.totalMinor, contract.totalInrMinor);
  const { number, seq } = await nextDocumentNumber(tx, d.kind, d.at);
  const id = newId();
  const build = d.kind === 'invoice' ? invoiceLines : creditNoteLines;
  const journalEntryId = await postEntry(tx, {
    memo: `${number} ${d.memo}`,
    eventId: event.id,
    clientId: event.clientId,
    sourceType: d.kind,
    sourceId: id,
    fx: null,
    lines: build({
      clientId: event.clientId!,
      eventType: event.eventType,
      currency: contract.currency as Currency,
      ...parts,
      totalInrMinor,
    }),
    actorId: actor.actorId,
    at: d.at,
  });
  const row: DocRow = {
    id,
    kind: d.kind,
    number,
    financialYear: financialYear(d.at),
    seq,
    eventId: event.id,
    clientId: event.clientId,
    milestoneId: d.milestoneId,
    paymentId: d.paymentId,
    currency: contract.currency,
    ...parts,
    totalInrMinor,
    placeOfSupply: contract.placeOfSupply,
    buyer: contract.buyer,
    journalEntryId,
    issuedOn: d.issuedOn,
    createdBy: actor.actorId,
    createdAt: d.at.toISOString(),
  };
  await tx.insert(taxDocuments).values(row);
  await recordChange(tx, {
    type: d.kind === 'invoice' ? 'invoice.issued' : 'credit_note.issued',
    aggregateType: 'tax_document',
    aggregateId: id,
    payload: { eventId: event.id, number, totalMinor: parts.totalMinor, currency: contract.currency },
    actorId: actor.actorId,
    at: d.at,
    audit: {
      before: null,
      after: { ...toTaxDocument(row) },
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
  return row;
}

/**
 * A GST tax invoice for one milestone (once), or without one for what of the accepted quote
 * is not yet invoiced: revenue and GST output credited, the client's receivable debited.
 */
export async function issueInvoice(tx: Tx, actor: MoneyActor, input: IssueInvoice, at: Date): Promise<TaxDocument> {
  const event = await loadVisibleEvent(tx, actor.viewer, input.eventId);
  if (!event.clientId) throw refuse('eventId', `${event.code} has no client: link a client before invoicing.`);
  const contract = await contractOf(tx, event);
  if (!contract) throw refuse('eventId', `${event.code} has no accepted quotation to invoice.`);
  const docs = await eventDocuments(tx, event.id);
  const left = contract.parts.totalMinor - netInvoiced(docs);
  let amountMinor = left;
  let memo = `tax invoice for ${event.code} (${contract.quoteCode} v${contract.version})`;
  if (input.issuedOn) {
    const problem = checkDocumentDate('issuedOn', input.issuedOn, at);
    if (problem) throw refuse(problem.field, `Invoice date refused: ${problem.reason}.`);
  }
  if (input.milestoneId) {
    const [m] = await tx
      .select()
      .from(milestones)
      .where(and(eq(milestones.id, input.milestoneId), eq(milestones.eventId, event.id)));
    if (!m) throw notFound('That milestone');
    if (m.status === 'waived') throw refuse('milestoneId', `"${m.label}" is waived: there is nothing to invoice.`);
    const mine = docs.filter((d) => d.milestoneId === m.id);
    const invoiced = netInvoiced(mine);
    if (invoiced >= m.amountMinor) {
      const earlier = mine.filter((d) => d.kind === 'invoice').map((d) => d.number);
      throw refuse('milestoneId', `"${m.label}" is already invoiced as ${earlier.join(', ')}.`);
    }
    // After a credit note (a refund of invoiced money) only what is not invoiced is invoiced again.
    amountMinor = Math.min(m.amountMinor - invoiced, left);
    memo = `tax invoice for "${m.label}" of ${event.code}`;
  }
  if (amountMinor <= 0)
    throw refuse('eventId', `${event.code} is invoiced in full; issue a credit note through a refund to adjust it.`);
  const row = await writeDocument(tx, actor, {
    kind: 'invoice',
    event,
    contract,
    amountMinor,
    milestoneId: input.milestoneId ?? null,
    paymentId: null,
    issuedOn: input.issuedOn ?? istDate(at),
    memo,
    at,
  });
  return toTaxDocument(row);
}

/**
 * The credit notes for a refund: for each milestone the refund takes money back from, the
 * part of it that was invoiced against that milestone (net of earlier credit notes), with its
 * GST split back out; then, for the rest, what event-level invoices (those for no milestone)
 * still carry. Money that was never invoiced changes no invoice.
 */
export async function creditNoteForRefund(
  tx: Tx,
  actor: MoneyActor,
  r: {
    event: EventRow;
    paymentId: string;
    allocations: readonly { milestoneId: string; amountMinor: number }[];
    memo: string;
    at: Date;
  },
): Promise<DocRow[]> {
  const contract = await contractOf(tx, r.event);
  if (!contract || !r.event.clientId) return [];
  const docs = await eventDocuments(tx, r.event.id);
  const out: DocRow[] = [];
  let rest = 0;
  for (const a of r.allocations) {
    const creditable = Math.min(a.amountMinor, netInvoiced(docs.filter((d) => d.milestoneId === a.milestoneId)));
    rest += a.amountMinor - Math.max(0, creditable);
    if (creditable > 0)
      out.push(
        await writeDocument(tx, actor, {
          kind: 'credit_note',
          event: r.event,
          contract,
          amountMinor: creditable,
          milestoneId: a.milestoneId,
          paymentId: r.paymentId,
          issuedOn: istDate(r.at),
          memo: r.memo,
          at: r.at,
        }),
      );
  }
  const eventLevel = Math.min(rest, netInvoiced(docs.filter((d) => d.milestoneId === null)));
  if (eventLevel > 0)
    out.push(
      await writeDocument(tx, actor, {
        kind: 'credit_note',
        event: r.event,
        contract,
        amountMinor: eventLevel,
        milestoneId: null,
        paymentId: r.paymentId,
        issuedOn: istDate(r.at),
        memo: r.memo,
        at: r.at,
      }),
    );
  return out;
}

/** An event's invoices and credit notes (clients: their own events only). */
export async function listDocuments(db: DbOrTx, viewer: Viewer, eventId: string): Promise<TaxDocument[]> {
  const event = await loadVisibleEvent(db, viewer, eventId);
  return (await eventDocuments(db, event.id)).map(toTaxDocument);
}
