import { newId } from '@mandap/shared/common';
import type { EventType } from '@mandap/shared/events';
import { type LeadSource, mapProviderFields } from '@mandap/shared/leads';
import type { DbOrTx } from '../../db/client.ts';
import { communications } from '../../db/schema/index.ts';
import type { LeadAttribution } from '../../db/schema/records.ts';
import { recordChange } from '../../lib/journal.ts';
import { findByExternalRef, findDuplicate, insertLead } from '../leads/lead-create.ts';

export interface ProviderLead {
  source: LeadSource;
  /** Provider-side id (leadgen id, Google lead id); the same id twice is one lead. */
  externalRef: string | null;
  answers: Record<string, string>;
  sourceDetail: string | null;
  /** Why the lead is incomplete (e.g. "fields not fetched: …"); shown on the lead. */
  pendingNote?: string | null;
  attribution?: LeadAttribution | null;
  extraRequirements?: string | null;
  eventType?: EventType | null;
  guestCount?: number | null;
}

export type ProviderLeadOutcome =
  | { kind: 'created'; leadId: string; code: string }
  | { kind: 'repeat_delivery'; leadId: string; code: string }
  | { kind: 'existing_person'; leadId: string; code: string };

/**
 * Records a lead from an outside source inside the caller's transaction. The same provider id
 * twice is a repeat delivery (nothing new); the same person (phone/email) again gets a note on
 * their existing lead instead of a twin.
 */
export async function recordProviderLead(tx: DbOrTx, lead: ProviderLead, at: Date): Promise<ProviderLeadOutcome> {
  if (lead.externalRef) {
    const seen = await findByExternalRef(tx, lead.source, lead.externalRef);
    if (seen) return { kind: 'repeat_delivery', leadId: seen.id, code: seen.code };
  }
  const f = mapProviderFields(lead.answers);
  const extras = Object.entries(f.extra).map(([k, v]) => `${k}: ${v}`);
  const requirements =
    [lead.pendingNote, lead.extraRequirements, ...f.problems.map((p) => `Check ${p}`), ...extras]
      .filter(Boolean)
      .join('\n') || null;
  const existing = await findDuplicate(tx, { phone: f.phone, email: f.email });
  if (existing) {
    await tx.insert(communications).values({
      id: newId(),
      leadId: existing.id,
      kind: 'note',
      direction: 'inbound',
      body: `Enquired again via ${lead.source}${lead.sourceDetail ? ` (${lead.sourceDetail})` : ''}.${requirements ? `\n${requirements}` : ''}`,
      occurredAt: at.toISOString(),
      createdAt: at.toISOString(),
    });
    await recordChange(tx, {
      type: 'lead.enquired_again',
      aggregateType: 'lead',
      aggregateId: existing.id,
      payload: { source: lead.source, externalRef: lead.externalRef },
      actorId: null,
      at,
    });
    return { kind: 'existing_person', leadId: existing.id, code: existing.code };
  }
  const row = await insertLead(
    tx,
    {
      name: f.name ?? `${lead.source === 'meta_ads' ? 'Meta' : 'New'} lead ${lead.externalRef ?? ''}`.trim(),
      phone: f.phone,
      email: f.email,
      city: f.city,
      eventDateFrom: f.eventDateFrom,
      eventType: lead.eventType ?? null,
      guestCount: lead.guestCount ?? null,
      source: lead.source,
      sourceDetail: lead.sourceDetail,
      externalRef: lead.externalRef,
      requirements,
      attribution: lead.attribution ?? null,
    },
    { actorId: null },
    at,
  );
  return { kind: 'created', leadId: row.id, code: row.code };
}
