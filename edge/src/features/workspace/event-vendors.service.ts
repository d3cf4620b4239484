import type { EventVendor } from '@mandap/shared/events';
import { asc, eq } from 'drizzle-orm';
import { vendorAssignments, vendors } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { getEvent } from '../events/events.service.ts';

/**
 * The vendors booked for an event (every assignment, cancelled ones included so the log can
 * leave them out), with when each is due on site. The event must be visible to the viewer
 * (a foreign event answers 404). Names and scopes only: no amounts.
 */
export async function listEventVendors(deps: Deps, viewer: Viewer, eventId: string): Promise<EventVendor[]> {
  await getEvent(deps, viewer, eventId);
  return deps.db
    .select({
      assignmentId: vendorAssignments.id,
      vendorName: vendors.name,
      scope: vendorAssignments.scope,
      status: vendorAssignments.status,
      arrivalExpectedAt: vendorAssignments.arrivalExpectedAt,
    })
    .from(vendorAssignments)
    .innerJoin(vendors, eq(vendors.id, vendorAssignments.vendorId))
    .where(eq(vendorAssignments.eventId, eventId))
    .orderBy(asc(vendors.name));
}
