import { newId } from '@mandap/shared/common';
import {
  DEFAULT_PAYMENT_TERMS,
  type PaymentTerm,
  type PaymentTermTemplate,
  type ZPaymentTermTemplates,
} from '@mandap/shared/quotes';
import { asc } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { paymentTermTemplates } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { type Origin, recordChange } from '../../lib/journal.ts';

/** Shown until someone saves the house's own: the default terms under a plain name. */
const FALLBACK: PaymentTermTemplate = {
  id: 'default',
  name: '50% advance · 40% a week before · 10% on completion',
  terms: [...DEFAULT_PAYMENT_TERMS],
  position: 0,
};

/** The house's payment-term templates in order; the first is what a new quote starts with. */
export async function listPaymentTermTemplates(db: DbOrTx): Promise<PaymentTermTemplate[]> {
  const rows = await db.select().from(paymentTermTemplates).orderBy(asc(paymentTermTemplates.position));
  if (rows.length === 0) return [FALLBACK];
  return rows.map((r) => ({ id: r.id, name: r.name, terms: r.terms, position: r.position }));
}

/** The terms a new quote starts with (the first template). */
export async function defaultPaymentTerms(db: DbOrTx): Promise<PaymentTerm[]> {
  return (await listPaymentTermTemplates(db))[0]!.terms;
}

/** Replaces the templates as edited in settings (each checked to add up to 100%), audited with before and after. */
export async function savePaymentTermTemplates(
  deps: Deps,
  viewer: Viewer,
  input: z.output<typeof ZPaymentTermTemplates>,
  origin: Origin,
): Promise<PaymentTermTemplate[]> {
  const now = deps.now();
  const at = now.toISOString();
  await deps.db.transaction(async (tx) => {
    const before = await listPaymentTermTemplates(tx);
    await tx.delete(paymentTermTemplates);
    await tx.insert(paymentTermTemplates).values(
      input.templates.map((t, position) => ({
        id: newId(),
        name: t.name,
        terms: t.terms,
        position,
        updatedBy: viewer.id,
        createdAt: at,
        updatedAt: at,
      })),
    );
    await recordChange(tx, {
      type: 'settings.payment_terms_updated',
      aggregateType: 'company_settings',
      aggregateId: 'payment_terms',
      payload: { templates: input.templates.length },
      actorId: viewer.id,
      at: now,
      audit: { before: { templates: before }, after: { templates: input.templates }, ...origin },
    });
  });
  return listPaymentTermTemplates(deps.db);
}
