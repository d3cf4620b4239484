import {
  type CatalogueItem,
  type CatalogueItemInput,
  DEFAULT_CATALOGUE,
  newId,
  ZCatalogueItemInput,
} from '@mandap/shared';
import { asc, eq } from 'drizzle-orm';
import { quoteCatalogueItems } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
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
});

/** The house's own catalogue items first, then the built-in defaults (INR rates). */
export async function listCatalogue(deps: Deps): Promise<CatalogueItem[]> {
  const rows = await deps.db
    .select()
    .from(quoteCatalogueItems)
    .where(eq(quoteCatalogueItems.active, true))
    .orderBy(asc(quoteCatalogueItems.category), asc(quoteCatalogueItems.name));
  return [...rows.map(toItem), ...DEFAULT_CATALOGUE];
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
