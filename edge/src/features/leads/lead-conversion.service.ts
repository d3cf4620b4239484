import { newId } from '@mandap/shared/common';
import type { ZConvertLead } from '@mandap/shared/leads';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { clients, communications, leads, quotes } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { type Actor, nextCode, recordChange } from '../../lib/journal.ts';
import { createEvent } from '../events/events.service.ts';
import { advancePipeline } from '../payments/booking.service.ts';
import { loadLead } from './lead-rows.ts';

export type ConvertLeadParsed = z.output<typeof ZConvertLead>;

/**
 * Lead → client + tentative event, in one transaction. The work done on the lead follows it:
 * its quotes (any state, accepted ones included: the accepted version becomes the event's
 * contract) and its communications now belong to the client and the event; its live brief is
 * the event's brief (collab-server, `briefStorageName`); its follow-ups stay on the lead, which
 * the event links to. The booking starts at the stage that is true (Proposal sent when a quote
 * was already sent or accepted). The lead keeps its stage: it becomes Won when the booking is
 * confirmed by payment.
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
    const origin = { ip: actor.ip ?? null, requestId: actor.requestId ?? null };
    const created = await createEvent(
      tx,
      {
        name: input.event.name,
        clientId,
        leadId: id,
        eventType: lead.eventType ?? 'other',
        startDate: input.event.startDate,
        endDate: input.event.endDate,
        city: input.event.city,
        venue: input.event.venue ?? lead.venue,
        guestCount: input.event.guestCount ?? lead.guestCount,
        isDestination: lead.isDestination,
      },
      actor,
      now,
    );
    const eventId = created.id;
    const eventCode = created.code;
    await tx.update(leads).set({ clientId, updatedAt: at }).where(eq(leads.id, id));
    const moved = await attachLeadWork(tx, id, { clientId, eventId }, at);
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
      type: 'lead.converted',
      aggregateType: 'lead',
      aggregateId: id,
      payload: {
        clientId,
        clientCode,
        eventId,
        eventCode,
        quotes: moved.quotes.length,
        communications: moved.communications,
      },
      actorId: actor.actorId,
      at: now,
      audit: { before: { clientId: null }, after: { clientId }, ...origin },
    });
    // Quotes already sent or accepted put the new booking at Proposal sent, saying why.
    if (moved.quotes.some((q) => q.status !== 'draft'))
      await advancePipeline(
        tx,
        { eventId, leadId: null },
        moved.quotes.some((q) => q.status === 'accepted') ? 'quote_accepted' : 'quote_sent',
        actor,
        now,
        { converted: true },
      );
    return { clientId, clientCode, eventId, eventCode };
  });
}

/** The lead's quotes and communications (those not yet on an event) move to the client and event. */
async function attachLeadWork(tx: DbOrTx, leadId: string, to: { clientId: string; eventId: string }, at: string) {
  const mine = and(eq(quotes.leadId, leadId), isNull(quotes.eventId));
  const rows = await tx.select({ id: quotes.id, status: quotes.status }).from(quotes).where(mine);
  if (rows.length > 0)
    await tx
      .update(quotes)
      .set({ ...to, updatedAt: at })
      .where(
        inArray(
          quotes.id,
          rows.map((r) => r.id),
        ),
      );
  const comms = await tx
    .update(communications)
    .set({ eventId: to.eventId })
    .where(and(eq(communications.leadId, leadId), isNull(communications.eventId)))
    .returning({ id: communications.id });
  return { quotes: rows, communications: comms.length };
}
