import { type SearchResult, searchableKinds, searchHref, toFtsQuery } from '@mandap/shared/search';
import { sql } from 'drizzle-orm';
import type { Deps, Viewer } from '../../lib/context.ts';

interface Row {
  kind: SearchResult['kind'];
  ref_id: string;
  event_id: string | null;
  title: string;
  subtitle: string | null;
  [k: string]: unknown;
}

/**
 * Global search over the FTS5 index (migration 0012): records the viewer may open, best match
 * first. Kinds come from the viewer's permissions; vendors and clients find only records under
 * events linked to them (and clients only quotes that were sent to them), never anything else.
 */
export async function searchRecords(deps: Deps, viewer: Viewer, q: string, limit: number): Promise<SearchResult[]> {
  const match = toFtsQuery(q);
  const kinds = searchableKinds(viewer.role);
  if (!match || kinds.length === 0) return [];
  const open = kinds.filter((k) => !k.linkedEventsOnly).map((k) => k.kind);
  const linked = kinds.filter((k) => k.linkedEventsOnly).map((k) => k.kind);
  const inList = (ks: string[]) =>
    sql.join(
      ks.map((k) => sql`${k}`),
      sql`, `,
    );
  const scopes = [];
  if (open.length > 0) scopes.push(sql`d.kind IN (${inList(open)})`);
  if (linked.length > 0) {
    scopes.push(sql`(d.kind IN (${inList(linked)})
      AND d.event_id IN (SELECT ea.event_id FROM event_access ea WHERE ea.user_id = ${viewer.id})
      AND (d.kind <> 'quote' OR EXISTS (SELECT 1 FROM quote_versions qv WHERE qv.quote_id = d.ref_id AND qv.status <> 'draft')))`);
  }
  // Staff: best FTS matches first. Vendors and clients: start from the few records under their
  // events (the event_id index) and check each against the match by rowid (CROSS JOIN keeps that
  // order), instead of ranking every match in the house and throwing most away.
  const rows =
    linked.length > 0 && open.length === 0
      ? await deps.db.all<Row>(sql`
    SELECT d.kind, d.ref_id, d.event_id, d.title, d.subtitle
    FROM search_docs d CROSS JOIN search_fts f ON f.rowid = d.id
    WHERE search_fts MATCH ${match} AND (${sql.join(scopes, sql` OR `)})
    ORDER BY f.rank
    LIMIT ${limit}`)
      : await deps.db.all<Row>(sql`
    SELECT d.kind, d.ref_id, d.event_id, d.title, d.subtitle
    FROM search_fts f JOIN search_docs d ON d.id = f.rowid
    WHERE search_fts MATCH ${match} AND (${sql.join(scopes, sql` OR `)})
    ORDER BY f.rank
    LIMIT ${limit}`);
  const clientEvents = await latestEventOfClients(
    deps,
    rows.filter((r) => r.kind === 'client').map((r) => r.ref_id),
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.ref_id,
    title: r.title,
    subtitle: r.subtitle || null,
    href:
      r.kind === 'client'
        ? clientEvents.get(r.ref_id)
          ? `/events/${clientEvents.get(r.ref_id)}/workspace`
          : '/events'
        : searchHref(viewer.role, { kind: r.kind, id: r.ref_id, eventId: r.event_id }),
  }));
}

/** A client record opens at its newest event (there is no client page of its own yet). */
async function latestEventOfClients(deps: Deps, clientIds: string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await deps.db.all<{ client_id: string; id: string }>(sql`
    SELECT client_id, id FROM events e
    WHERE client_id IN (${sql.join(
      clientIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    ORDER BY start_date`);
  return new Map(rows.map((r) => [r.client_id, r.id]));
}
