import { hasPermission } from '@mandap/shared/access';
import type { EventBrief } from '@mandap/shared/events';
import type { LeadBrief, UpdateLeadBrief } from '@mandap/shared/leads';
import { eq } from 'drizzle-orm';
import { leads } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import type { Actor } from '../../lib/journal.ts';
import { updateLead } from '../leads/leads.service.ts';
import { loadVisibleEvent } from './events.service.ts';

/**
 * One brief (issue 9, item 8): an event's structured brief is the record of the lead it was
 * converted from. The event reads and edits that record through here; the lead card through
 * the lead routes; `updateLead` is the one writer of both.
 */
const canEditBrief = (viewer: Viewer) => hasPermission(viewer.role, 'briefs:write');

export async function getEventBrief(deps: Deps, viewer: Viewer, eventId: string): Promise<EventBrief> {
  const event = await loadVisibleEvent(deps.db, viewer, eventId);
  const base = { eventId: event.id, canEdit: canEditBrief(viewer) && event.leadId !== null };
  if (!event.leadId) return { ...base, leadId: null, leadCode: null, brief: null };
  const [lead] = await deps.db.select().from(leads).where(eq(leads.id, event.leadId)).limit(1);
  if (!lead) return { ...base, canEdit: false, leadId: null, leadCode: null, brief: null };
  const brief: LeadBrief = {
    eventType: lead.eventType,
    eventDateFrom: lead.eventDateFrom,
    eventDateTo: lead.eventDateTo,
    functions: lead.functions ?? [],
    city: lead.city,
    venue: lead.venue,
    isDestination: lead.isDestination,
    guestCount: lead.guestCount,
    budgetMinMinor: lead.budgetMinMinor,
    budgetMaxMinor: lead.budgetMaxMinor,
    budgetCurrency: lead.budgetCurrency as LeadBrief['budgetCurrency'],
    requirements: lead.requirements,
  };
  return { ...base, leadId: lead.id, leadCode: lead.code, brief };
}

/** Changes the event's structured brief, i.e. its lead's record; refused for an event made without a lead. */
export async function updateEventBrief(
  deps: Deps,
  viewer: Viewer,
  eventId: string,
  patch: UpdateLeadBrief,
  actor: Actor,
): Promise<EventBrief> {
  if (!canEditBrief(viewer)) throw forbidden('Your role can read this brief but not change it.');
  const event = await loadVisibleEvent(deps.db, viewer, eventId);
  if (!event.leadId)
    throw new AppError(
      'conflict',
      'This event was created without a lead, so it has no structured brief: write it in the live brief.',
    );
  await updateLead(deps, event.leadId, patch, actor);
  return getEventBrief(deps, viewer, eventId);
}
