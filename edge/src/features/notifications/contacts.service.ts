import { newId } from '@mandap/shared/common';
import type { Consent } from '@mandap/shared/notifications';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { consentLog, whatsappContacts } from '../../db/schema/index.ts';

/** Makes sure a contact row exists for a phone and links it to a lead or event when we learn one. */
export async function linkContact(
  tx: DbOrTx,
  phone: string,
  link: { name?: string | null; leadId?: string | null; eventId?: string | null },
  at: Date,
) {
  await tx
    .insert(whatsappContacts)
    .values({
      phone,
      name: link.name ?? null,
      leadId: link.leadId ?? null,
      eventId: link.eventId ?? null,
      createdAt: at.toISOString(),
    })
    .onConflictDoUpdate({
      target: whatsappContacts.phone,
      set: {
        name: sql`coalesce(${whatsappContacts.name}, excluded.name)`,
        leadId: sql`coalesce(excluded.lead_id, ${whatsappContacts.leadId})`,
        eventId: sql`coalesce(excluded.event_id, ${whatsappContacts.eventId})`,
      },
    });
}

/** Records a consent change with its source and time, on the contact and in the consent log. */
export async function recordConsent(
  tx: DbOrTx,
  phone: string,
  consent: Exclude<Consent, 'unknown'>,
  source: string,
  at: Date,
  byUserId: string | null,
) {
  await linkContact(tx, phone, {}, at);
  await tx
    .update(whatsappContacts)
    .set({ consent, consentSource: source, consentAt: at.toISOString() })
    .where(eq(whatsappContacts.phone, phone));
  await tx.insert(consentLog).values({ id: newId(), phone, consent, source, byUserId, at: at.toISOString() });
}
