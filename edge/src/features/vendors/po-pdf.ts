import type { Currency } from '@mandap/shared/money';
import { renderPoPdf } from '@mandap/shared/pdf';
import type { Assignment } from '@mandap/shared/vendors';
import { eq } from 'drizzle-orm';
import { events, vendors } from '../../db/schema/index.ts';
import type { AppContext, Viewer } from '../../lib/context.ts';
import { companyProfile } from '../quotes/company.ts';
import { loadPdfKit } from '../quotes/quote-pdf.ts';
import { loadAssignment } from './assignments.service.ts';
import { scheduleOf } from './payables.service.ts';

/** The PO as an A4 PDF (the quotes' jsPDF + Noto Sans kit), for staff or the vendor it is addressed to. */
export async function poPdfResponse(c: AppContext, viewer: Viewer, assignmentId: string) {
  return poPdfOf(c, await loadAssignment(c.get('deps').db, viewer, assignmentId));
}

/** The PDF of an assignment the caller has already been allowed to see (by role, or by a PO link). */
export async function poPdfOf(c: AppContext, a: Assignment) {
  const { db } = c.get('deps');
  const [v] = await db.select().from(vendors).where(eq(vendors.id, a.vendorId));
  const [e] = await db.select().from(events).where(eq(events.id, a.eventId));
  const bytes = renderPoPdf(await loadPdfKit(), {
    company: await companyProfile(db),
    poNumber: a.poNumber ?? 'PO',
    poDate: a.poDate ?? e!.startDate,
    vendor: { name: v!.name, code: v!.code, gstin: v!.gstin, pan: v!.pan, city: v!.city },
    event: { name: e!.name, startDate: e!.startDate, venue: e!.venue, city: e!.city },
    scope: a.scope,
    lines: a.lines,
    currency: a.currency as Currency,
    amountMinor: a.amountMinor,
    terms: a.terms,
    milestones: a.milestones,
    schedule: await scheduleOf(db, a.id),
  });
  const file = `${(a.poNumber ?? 'PO').replaceAll('/', '-')}.pdf`;
  return c.body(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${file}"`,
    'cache-control': 'private, no-store',
  }) as never;
}
