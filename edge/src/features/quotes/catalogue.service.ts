import { newId } from '@mandap/shared/common';
import type { DomainEventType } from '@mandap/shared/journal';
import {
  type CatalogueItem,
  type CatalogueItemInput,
  type CatalogueItemPatch,
  DEFAULT_CATALOGUE,
  ZCatalogueItemInput,
  ZCatalogueItemPatch,
} from '@mandap/shared/quotes';
import { asc, eq } from 'drizzle-orm';
import { quoteCatalogueItems } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';

type Row = typeof quoteCatalogueItems.$inferSelect;
const toItem = (r: Row): CatalogueItem => ({
  id: r.id,
  name: r.name,
  category: r.category as CatalogueItem['category'],
  unit: r.unit,
  rateMinor: r.rateMinor,
  taxClass: r.taxClass as CatalogueItem['taxClass'],
  sac: r.sac,
  active: r.active,
});

/**
 * The house's own catalogue items first, then the built-in defaults (INR rates). With
 * `includeInactive` (the catalogue screen) retired house items are listed too, marked.
 */
export async function listCatalogue(deps: Deps, opts: { includeInactive?: boolean } = {}): Promise<CatalogueItem[]> {
  const rows = await deps.db
    .select()
    .from(quoteCatalogueItems)
    .where(opts.includeInactive ? undefined : eq(quoteCatalogueItems.active, true))
    .orderBy(asc(quoteCatalogueItems.category), asc(quoteCatalogueItems.name));
  return [...rows.map(toItem), ...DEFAULT_CATALOGUE];
}

/** Retiring and restoring are their own events; any other edit is an update. */
function catalogueChangeType(wasActive: boolean, active: boolean | undefined): DomainEventType {
  if (active === false && wasActive) return 'quote_catalogue.item_retired';
  if (active === true && !wasActive) return 'quote_catalogue.item_restored';
  return 'quote_catalogue.item_updated';
}

/** Edits a house item or retires it (`active: false`); quotes already made keep their own copy of the line. */
export async function updateCatalogueItem(
  deps: Deps,
  viewer: Viewer,
  id: string,
  raw: CatalogueItemPatch,
): Promise<CatalogueItem> {
  const patch = ZCatalogueItemPatch.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(quoteCatalogueItems).where(eq(quoteCatalogueItems.id, id)).limit(1);
    if (!before) throw notFound('That catalogue item (built-in items cannot be edited; add your own)');
    const [row] = await tx
      .update(quoteCatalogueItems)
      .set({ ...patch, updatedAt: now.toISOString() })
      .where(eq(quoteCatalogueItems.id, id))
      .returning();
    await recordChange(tx, {
      type: catalogueChangeType(before.active, patch.active),
      aggregateType: 'quote_catalogue_item',
      aggregateId: id,
      actorId: viewer.id,
      at: now,
      audit: { before: { ...toItem(before) }, after: { ...toItem(row!) } },
    });
    return toItem(row!);
  });
}

export async function addCatalogueItem(deps: Deps, viewer: Viewer, raw: CatalogueItemInput): Promise<CatalogueItem> {
  const input = ZCatalogueItemInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(quoteCatalogueItems)
      .values({
        id: newId(),
        ...input,
        createdBy: viewer.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await recordChange(tx, {
      type: 'quote_catalogue.item_added',
      aggregateType: 'quote_catalogue_item',
      aggregateId: row!.id,
      actorId: viewer.id,
      at: now,
      audit: { before: null, after: input },
    });
    return toItem(row!);
  });
}
