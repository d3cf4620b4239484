import { indiaMinuteOfDay } from '../time/india.ts';
import type { AssignmentStatus } from '../vendors/assignment-status.ts';
import type { VendorArrival } from './dayof.ts';

/** A vendor booked for the event (from the edge's vendor assignments). */
export interface AssignedVendor {
  assignmentId: string;
  vendorName: string;
  scope: string;
  status: AssignmentStatus;
  /** When the vendor is due on site (ISO), if the assignment says. */
  arrivalExpectedAt: string | null;
}

/** An instant → minutes from midnight in Asia/Kolkata (time/india.ts). */
export const minutesInKolkata = (iso: string): number | null => indiaMinuteOfDay(iso);

/**
 * The arrival-log id of an assigned vendor: derived from the assignment, so two phones adding
 * the same vendor while offline write the same entry instead of two.
 */
const arrivalIdFor = (assignmentId: string) => `va-${assignmentId}`;

/** Assigned vendors (not cancelled) that are not on the arrival log yet, in name order. */
export function vendorsNotOnLog(assigned: readonly AssignedVendor[], log: readonly VendorArrival[]): AssignedVendor[] {
  const logged = new Set(log.map((a) => a.assignmentId ?? null).filter((id): id is string => id !== null));
  return assigned
    .filter((v) => v.status !== 'cancelled' && !logged.has(v.assignmentId))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName, 'en-IN'));
}

/** The arrival-log entry for an assigned vendor expected at `expectedMin` (minutes from midnight IST). */
export function arrivalForAssignment(vendor: AssignedVendor, expectedMin: number): VendorArrival {
  return {
    id: arrivalIdFor(vendor.assignmentId),
    assignmentId: vendor.assignmentId,
    vendorName: vendor.vendorName,
    scope: vendor.scope,
    expectedMin,
    actualMin: null,
    loggedByName: null,
  };
}
