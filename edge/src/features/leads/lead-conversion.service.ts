import { newId, type ZConvertLead } from '@mandap/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { clients, events, leads } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { nextCode, recordChange } from '../../lib/journal.ts';
import type { Actor } from './lead-create.ts';
import { loadLead } from './lead-rows.ts';

export type ConvertLeadParsed = z.output<typeof ZConvertLead>;

/**
 * Lead → client + tentative event (status Enquiry), in one transaction. The lead keeps its
 * stage: it becomes Won only when the booking is confirmed by payment.
 */
export async function convertLead(deps: Deps, id: string, input: ConvertLeadParsed, actor: Actor) {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction(async (tx) => {
    const { row: lead } = await loadLead(tx, id);
    if (lead.clientId) throw new AppError('conflict', 'This lead was already converted to a client.');
    if (lead.stage === 'lost') throw new AppError('unprocessable', 'Reopen the lost lead before converting it.');
    const clientId = newId();
    const clientCode = await nextCode(tx, 'client', now);
    const client = {
      id: clientId,
      code: clientCode,
      name: lead.name,
      billingName: input.billingName,
      email: lead.email,
      phone: lead.phone,
      gstin: input.gstin ?? null,
      billingAddress: input.billingAddress,
      stateCode: input.stateCode,
      currency: input.currency,
      whatsappOptIn: input.whatsappOptIn,
      referredByClientId: lead.referredByClientId,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insert(clients).values(client);
    const eventId = newId();
    const eventCode = await nextCode(tx, 'event', now);
    const event = {
      id: eventId,
      code: eventCode,
      name: input.event.name,
      clientId,
      leadId: id,
      eventType: lead.eventType ?? 'other',
      status: 'enquiry' as const,
      startDate: input.event.startDate,
      endDate: input.event.endDate,
      city: input.event.city,
      venue: input.event.venue ?? lead.venue,
      guestCount: input.event.guestCount ?? lead.guestCount,
      isDestination: lead.isDestination,
      createdAt: at,
      updatedAt: at,
    };
    await tx.insert(events).values(event);
    await tx.update(leads).set({ clientId, updatedAt: at }).where(eq(leads.id, id));
    const origin = { ip: actor.ip ?? null, requestId: actor.requestId ?? null };
    await recordChange(tx, {
      type: 'client.created',
      aggregateType: 'client',
      aggregateId: clientId,
      payload: { code: clientCode, fromLeadId: id },
      actorId: actor.actorId,
      at: now,
      audit: { before: null, after: client, ...origin },
    });
    await recordChange(tx, {
      type: 'event.created',
      aggregateType: 'event',
      aggregateId: eventId,
      payload: { code: eventCode, fromLeadId: id, status: 'enquiry' },
      actorId: actor.actorId,
      at: now,
      audit: { before: null, after: event, ...origin },
    });
    await recordChange(tx, {
      type: 'lead.converted',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { clientId, clientCode, eventId, eventCode },
      actorId: actor.actorId,
      at: now,
      audit: { before: { clientId: null }, after: { clientId }, ...origin },
    });
    return { clientId, clientCode, eventId, eventCode };
  });
}
