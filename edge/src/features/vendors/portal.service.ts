import { indiaDate as istDate } from '@mandap/shared/time';
import type { BlockLink, CallSheetRow, VendorPortal } from '@mandap/shared/vendors';
import { eq, inArray } from 'drizzle-orm';
import { events, users, vendorAssignments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { listAssignments, vendorOfUser } from './assignments.service.ts';
import { blockedReasonsFor } from './blocked.query.ts';
import { listVendorPayments } from './payables.service.ts';

/**
 * A vendor user's own pages: their assignments (on events they are linked to), their payments,
 * what holds them up and whom they hold up (names and scopes only), and the call sheet of their
 * events from today on. Nothing of clients' money, margins or other vendors' POs.
 */
export async function vendorPortal(deps: Deps, viewer: Viewer): Promise<VendorPortal> {
  const vendorId = await vendorOfUser(deps.db, viewer.id);
  if (!vendorId) return { vendor: null, assignments: [], payments: [], blockedBy: [], blocking: [], callSheet: [] };
  const [vendor] = await deps.db
    .select({ id: vendors.id, code: vendors.code, name: vendors.name })
    .from(vendors)
    .where(eq(vendors.id, vendorId));
  const assignments = await listAssignments(deps, viewer, {});
  const mine = new Set(assignments.map((a) => a.id));
  const payments = await listVendorPayments(deps.db, viewer, {});
  const eventIds = [...new Set(assignments.map((a) => a.eventId))];
  const reasons = (await Promise.all(eventIds.map((eventId) => blockedReasonsFor(deps.db, { eventId })))).flat();
  const blockedBy: BlockLink[] = reasons
    .filter((r) => mine.has(r.assignmentId))
    .map((r) => ({
      myAssignmentId: r.assignmentId,
      otherAssignmentId: r.blockerId,
      otherVendorName: r.blockerVendorName,
      otherScope: r.blockerScope,
      otherStatus: r.blockerStatus,
      reason: r.reason,
    }));
  const heldUp = reasons.filter((r) => mine.has(r.blockerId) && r.depth === 1 && !mine.has(r.assignmentId));
  const others = heldUp.length
    ? await deps.db
        .select({
          id: vendorAssignments.id,
          name: vendors.name,
          scope: vendorAssignments.scope,
          status: vendorAssignments.status,
        })
        .from(vendorAssignments)
        .innerJoin(vendors, eq(vendors.id, vendorAssignments.vendorId))
        .where(
          inArray(
            vendorAssignments.id,
            heldUp.map((r) => r.assignmentId),
          ),
        )
    : [];
  const blocking: BlockLink[] = heldUp.map((r) => {
    const o = others.find((x) => x.id === r.assignmentId)!;
    return {
      myAssignmentId: r.blockerId,
      otherAssignmentId: r.assignmentId,
      otherVendorName: o.name,
      otherScope: o.scope,
      otherStatus: o.status,
      reason: `${o.name} (${o.scope}) is waiting for this`,
    };
  });
  const today = istDate(deps.now());
  const eventRows = eventIds.length
    ? await deps.db
        .select({
          id: events.id,
          name: events.name,
          startDate: events.startDate,
          endDate: events.endDate,
          city: events.city,
          venue: events.venue,
          managerName: users.name,
          managerPhone: users.phone,
        })
        .from(events)
        .leftJoin(users, eq(users.id, events.managerId))
        .where(inArray(events.id, eventIds))
    : [];
  const callSheet: CallSheetRow[] = assignments
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({ a, e: eventRows.find((e) => e.id === a.eventId)! }))
    .filter(({ e }) => e.endDate >= today)
    .map(({ a, e }) => ({
      assignmentId: a.id,
      eventId: e.id,
      eventName: e.name,
      startDate: e.startDate,
      city: e.city,
      venue: e.venue,
      scope: a.scope,
      arrivalExpectedAt: a.arrivalExpectedAt,
      checkedInAt: a.checkedInAt,
      contactName: e.managerName,
      contactPhone: e.managerPhone,
    }))
    .sort((x, y) => (x.arrivalExpectedAt ?? x.startDate).localeCompare(y.arrivalExpectedAt ?? y.startDate));
  return { vendor: vendor ?? null, assignments, payments, blockedBy, blocking, callSheet };
}
