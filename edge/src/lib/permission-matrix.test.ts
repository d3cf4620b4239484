import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audienceOf, hasPermission, type Permission, ROLES, type Role } from '@mandap/shared/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { DEMO_USERS } from '../seed/demo-data.ts';
import { startTestApp, type TestApp } from '../test-support.ts';
import { ROUTE_PERMISSION, requirePermission } from './route.ts';

/**
 * The permission matrix, generated from the app's registered route table: every route × every
 * role × own record / foreign record / no record. Nothing here lists routes: a route added to
 * the app is probed on the next run. Expected answers come from the permission table and the
 * one scoping rule in shared/src/access:
 *   - a role without the route's permission → 403 `forbidden`, whatever the record;
 *   - a vendor or client on a record of an event they are not linked to (or a record with no
 *     event, like a lead) → 404 for reads, and never a 2xx for writes;
 *   - a record that does not exist → 404 for reads (never 2xx for writes);
 *   - nothing ever answers 5xx;
 *   - and no body a vendor or client receives (JSON, text, PDF text, file) contains any
 *     marker of a foreign event: its id, code or name, its client's name or phone, its quotes'
 *     codes; nor, for a client, an internal field (negotiation notes, rate-card links).
 * Writes are sent with an empty JSON body: they prove the permission gate and that foreign ids
 * never succeed; the handlers' scoping of a valid write is covered in each feature's tests.
 */

type Case = 'own' | 'foreign' | 'none';
interface RouteRow {
  method: string;
  path: string;
  permission: string;
}
interface Probe extends RouteRow {
  role: Role;
  case: Case;
  url: string;
}

const NONE_ID = '01900000-0000-7000-8000-0000000000ff';
/** Query strings a route cannot answer without; a new route that needs one fails as a 400 until listed. */
const REQUIRED_QUERY: Record<string, (m: Markers) => string> = {
  'GET /api/quotes/:id/diff': () => '?from=1&to=1',
  'GET /api/payments/ledger': (m) => `?eventId=${m.anyEventId}`,
  'GET /api/calendar': () => '?from=2026-12-01&to=2026-12-31',
  'GET /api/meetings': (m) => `?eventId=${m.anyEventId}`,
  // A vendor names one of its own events (without one it is refused, and a foreign one is a 404).
  'GET /api/workspace/assignees': (m) => `?eventId=${m.vendorEventId}`,
  'GET /api/search': (m) => `?q=${encodeURIComponent(m.searchTerm)}`,
};

/** Where a path parameter's record lives, by the path segment before it: the table and how it reaches an event. */
const RESOURCES: Record<string, { table: string; eventColumn: string | null }> = {
  events: { table: 'events', eventColumn: 'id' },
  quotes: { table: 'quotes', eventColumn: 'event_id' },
  payments: { table: 'payments', eventColumn: 'event_id' },
  receipts: { table: 'payments', eventColumn: 'event_id' },
  invoices: { table: 'tax_documents', eventColumn: 'event_id' },
  milestones: { table: 'milestones', eventColumn: 'event_id' },
  leads: { table: 'leads', eventColumn: null },
  'follow-ups': { table: 'lead_follow_ups', eventColumn: null },
  'quote-catalogue': { table: 'quote_catalogue_items', eventColumn: null },
  'assignment-rules': { table: 'lead_assignment_rules', eventColumn: null },
  users: { table: 'users', eventColumn: null },
  vendors: { table: 'vendors', eventColumn: null },
  imports: { table: 'import_batches', eventColumn: null },
};

interface Markers {
  /** Per scoped user id: strings that must never reach them. */
  forbidden: Map<string, string[]>;
  searchTerm: string;
  anyEventId: string;
  vendorEventId: string;
}

let t: TestApp;
const tokens = new Map<Role, Record<string, string>>();
const userIds = new Map<Role, string>();
let clientUserId = '';
let markers: Markers;
const results: { probe: Probe; status: number; leaks: string[] }[] = [];

async function rows(sql: string, args: (string | number)[] = []) {
  return (await t.deps.db.$client.execute({ sql, args })).rows;
}

function routeTable(app: { routes: TestApp['app']['routes'] } = t.app): RouteRow[] {
  const seen = new Map<string, RouteRow>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    const permission = (r.handler as unknown as Record<symbol, string>)[ROUTE_PERMISSION];
    if (permission) seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path, permission });
  }
  return [...seen.values()];
}

const unresolved = new Set<string>();

/** A resource not listed above: the table named like its segment (`links` → `links`, `*_links`), and its event column if it has one. */
async function guessResource(segment: string): Promise<{ table: string; eventColumn: string | null } | null> {
  const name = segment.replace(/-/g, '_');
  const tables = await rows(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND (name = ? OR name LIKE ? OR name = ?) ORDER BY length(name) LIMIT 1",
    [name, `%_${name}`, `${name}s`],
  );
  const table = tables[0] ? String(tables[0].name) : null;
  if (!table) return null;
  const cols = await rows(`SELECT name FROM pragma_table_info('${table}')`);
  return { table, eventColumn: cols.some((c) => c.name === 'event_id') ? 'event_id' : null };
}

/** The id for one path parameter, or null when the demo house has no such record for this case. */
async function resolveParam(
  segment: string,
  param: string,
  c: Case,
  role: Role,
  parentId: string | null,
): Promise<string | null> {
  if (param === 'version') return '1';
  // A phone number names a conversation, not a record with an event: probed as "no such conversation".
  if (param === 'phone') return c === 'none' ? '+919999900000' : null;
  if (c === 'none') return NONE_ID;
  if (param === 'fileId') {
    const r = await rows('SELECT id FROM stored_files WHERE lead_id = ? LIMIT 1', [parentId ?? '']).catch(() => []);
    return r[0] ? String(r[0].id) : null;
  }
  const res = RESOURCES[segment] ?? (await guessResource(segment));
  if (!res) {
    unresolved.add(`/${segment}/:${param}`);
    return null;
  }
  if (res.table === 'users') {
    // A user nobody signs in as here, so deactivating it changes no token.
    const r = await rows("SELECT id FROM users WHERE email = 'kavya@mandap.demo'");
    return c === 'foreign' ? String(r[0]!.id) : null;
  }
  if (!res.eventColumn) {
    // Records with no event are staff-only: for vendors and clients they are foreign.
    if (c === 'own') return null;
    const r = await rows(`SELECT id FROM ${res.table} LIMIT 1`);
    return r[0] ? String(r[0].id) : null;
  }
  const ownerId = audienceOf(role) === 'internal' ? clientUserId : userIds.get(role)!;
  const where =
    c === 'own'
      ? `${res.eventColumn} IN (SELECT event_id FROM event_access WHERE user_id = ?)`
      : `${res.eventColumn} IS NOT NULL AND ${res.eventColumn} NOT IN (SELECT event_id FROM event_access)`;
  const r = await rows(`SELECT id FROM ${res.table} WHERE ${where} LIMIT 1`, c === 'own' ? [ownerId] : []);
  return r[0] ? String(r[0].id) : null;
}

async function buildUrl(route: RouteRow, c: Case, role: Role): Promise<string | null> {
  const parts = route.path.split('/');
  let parentId: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (!p.startsWith(':')) continue;
    const id = await resolveParam(parts[i - 1]!, p.slice(1), c, role, parentId);
    if (id === null) return null;
    parts[i] = id;
    parentId = id;
  }
  const q = REQUIRED_QUERY[`${route.method} ${route.path}`]?.(markers) ?? '';
  return parts.join('/') + q;
}

async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  // A live feed answers with a stream that stays open: read what it sends first (its "ready"),
  // or nothing within a second, and hang up.
  if (type.includes('text/event-stream')) {
    const reader = res.body!.getReader();
    const first = await Promise.race([
      reader.read(),
      new Promise<{ value?: undefined }>((r) => setTimeout(() => r({}), 1_000)),
    ]);
    await reader.cancel();
    return first.value ? Buffer.from(first.value).toString('utf8') : '';
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!type.includes('pdf')) return bytes.toString('utf8');
  const file = join(t.dir, 'probe.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

async function collectMarkers(): Promise<Markers> {
  const forbidden = new Map<string, string[]>();
  let searchTerm = 'zzzz';
  for (const role of ['vendor', 'client'] as const) {
    const uid = userIds.get(role)!;
    const foreignEvents = await rows(
      `SELECT e.id, e.code, e.name, c.name AS client_name, c.phone AS client_phone
       FROM events e LEFT JOIN clients c ON c.id = e.client_id
       WHERE e.id NOT IN (SELECT event_id FROM event_access WHERE user_id = ?)`,
      [uid],
    );
    const ownClients = new Set(
      (
        await rows(
          'SELECT c.name FROM events e JOIN clients c ON c.id = e.client_id WHERE e.id IN (SELECT event_id FROM event_access WHERE user_id = ?)',
          [uid],
        )
      ).map((r) => String(r.name)),
    );
    const list: string[] = [];
    for (const e of foreignEvents) {
      list.push(String(e.id), String(e.code));
      if (String(e.name).length >= 8) list.push(String(e.name));
      if (e.client_name && !ownClients.has(String(e.client_name))) list.push(String(e.client_name));
      if (e.client_phone) list.push(String(e.client_phone));
    }
    const foreignQuotes = await rows(
      'SELECT code FROM quotes WHERE event_id IS NULL OR event_id NOT IN (SELECT event_id FROM event_access WHERE user_id = ?)',
      [uid],
    );
    for (const q of foreignQuotes) list.push(String(q.code));
    // The house rate card: its items' ids never reach a vendor or a client.
    for (const c of await rows('SELECT id FROM quote_catalogue_items')) list.push(String(c.id));
    if (role === 'client') {
      list.push('negotiationNote', 'catalogueItemId', 'client will accept up to 15% more');
      const term = foreignEvents.find((e) => e.client_name && !ownClients.has(String(e.client_name)));
      if (term) searchTerm = String(term.client_name).split(' ')[0]!;
    }
    forbidden.set(uid, [...new Set(list)]);
  }
  const [any] = await rows('SELECT id FROM events LIMIT 1');
  const [vendorEvent] = await rows('SELECT event_id FROM event_access WHERE user_id = ?', [userIds.get('vendor')!]);
  return { forbidden, searchTerm, anyEventId: String(any!.id), vendorEventId: String(vendorEvent!.event_id) };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    const s = await t.login(user.email);
    tokens.set(role, s.auth);
    userIds.set(role, s.userId);
  }
  clientUserId = userIds.get('client')!;
  // An internal note on the client's own sent quote: it must never reach the client.
  const sales = tokens.get('sales')!;
  const [own] = await rows(
    'SELECT id FROM quotes WHERE event_id IN (SELECT event_id FROM event_access WHERE user_id = ?) LIMIT 1',
    [clientUserId],
  );
  if (own) {
    const v = await t.json(
      'POST',
      `/api/quotes/${own.id}/versions`,
      { negotiationNote: 'client will accept up to 15% more' },
      sales,
    );
    if (v.status === 201) await t.json('POST', `/api/quotes/${own.id}/send`, {}, sales);
  }
  markers = await collectMarkers();
}, 120_000);
afterAll(() => t.cleanup());

function expectedOk(probe: Probe, status: number): string | null {
  const { permission, role, method } = probe;
  const read = method === 'GET';
  if (status >= 500) return `server error ${status}`;
  if (permission === 'public') return null;
  const allowed = permission === 'authenticated' || hasPermission(role, permission as Permission);
  if (!allowed) return status === 403 ? null : `expected 403 (no ${permission}), got ${status}`;
  const hasParam = probe.path.includes(':');
  const scoped = audienceOf(role) !== 'internal';
  // A vendor or client refused a function inside the handler (staff-only work on an event) reveals nothing.
  if (status === 403 && scoped) return null;
  if (status === 403 || status === 401) return `expected access (${role} holds ${permission}), got ${status}`;
  if (probe.case === 'none' && hasParam) {
    if (read) return status === 404 ? null : `missing record: expected 404, got ${status}`;
    return status >= 400 ? null : `missing record: a write answered ${status}`;
  }
  if (probe.case === 'foreign' && scoped) {
    if (read) return status === 404 ? null : `foreign record: expected 404, got ${status}`;
    return status >= 400 ? null : `foreign record: a write answered ${status}`;
  }
  if (read) return status === 200 ? null : `expected 200, got ${status}`;
  return null;
}

const ORDER: Record<string, number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

describe('permission matrix (generated from the route table)', () => {
  it('every route × every role × own / foreign / no record answers as the rules say, and nothing foreign leaks', async () => {
    const routes = routeTable().sort((a, b) => (ORDER[a.method] ?? 1) - (ORDER[b.method] ?? 1));
    const failures: string[] = [];
    let skipped = 0;
    let probes = 0;
    // Scoped roles first on writes, so staff writes (a sent quote, a deleted rule) come after.
    const roleOrder = [...ROLES].sort(
      (a, b) => Number(audienceOf(a) === 'internal') - Number(audienceOf(b) === 'internal'),
    );
    for (const route of routes) {
      const cases: Case[] =
        route.path.includes(':') && !route.path.includes(':token') ? ['own', 'foreign', 'none'] : ['none'];
      for (const role of roleOrder) {
        for (const c of cases) {
          const url = await buildUrl(route, c, role);
          if (url === null) {
            skipped++;
            continue;
          }
          const probe: Probe = { ...route, role, case: c, url };
          const res = await t.json(route.method, url, route.method === 'GET' ? undefined : {}, tokens.get(role)!);
          probes++;
          const text = await bodyText(res);
          const forbidden = markers.forbidden.get(userIds.get(role)!) ?? [];
          const leaks = route.permission === 'public' ? [] : forbidden.filter((m) => text.includes(m));
          results.push({ probe, status: res.status, leaks });
          const wrong = expectedOk(probe, res.status);
          if (wrong)
            failures.push(`${role} ${route.method} ${route.path} [${c}] ${url}: ${wrong} ${text.slice(0, 160)}`);
          if (leaks.length) failures.push(`${role} ${route.method} ${route.path} [${c}]: LEAK ${leaks.join(', ')}`);
        }
      }
    }
    const leakCount = results.reduce((n, r) => n + r.leaks.length, 0);
    console.log(
      `permission matrix: ${routes.length} routes × ${ROLES.length} roles = ${routes.length * ROLES.length} route-role pairs; ` +
        `${probes} requests (own/foreign/none), ${skipped} cases without such a record in the demo house; leaks: ${leakCount}`,
    );
    if (unresolved.size)
      console.log(
        `probed for "no record" only (no table found for): ${[...unresolved].join(', ')}; add them to RESOURCES`,
      );
    expect(routes.length).toBeGreaterThan(50);
    const byRoute = new Map<string, number>();
    for (const f of failures) {
      const key = f.split(' [')[0]!.split(' ').slice(1).join(' ');
      byRoute.set(key, (byRoute.get(key) ?? 0) + 1);
    }
    if (failures.length) console.log([...byRoute].map(([k, n]) => `${n}× ${k}`).join('\n'));
    expect(failures, failures.join('\n')).toEqual([]);
    expect(leakCount).toBe(0);
  }, 600_000);

  it('a route registered through the permission middleware enters the table with no edit here', () => {
    const before = routeTable().length;
    const app = createApp(() => t.deps);
    app.get('/api/matrix-probe-extra', requirePermission('quotes:read'), (c) => c.json({}));
    const after = routeTable(app);
    expect(after.length).toBe(before + 1);
    expect(after.find((r) => r.path === '/api/matrix-probe-extra')?.permission).toBe('quotes:read');
  });
});

describe('scoped users see only their own events', () => {
  it('the client lists exactly the one event they are linked to; the vendor their two; staff all ten', async () => {
    const client = await (await t.json('GET', '/api/events', undefined, tokens.get('client')!)).json();
    expect(client.events).toHaveLength(1);
    const vendor = await (await t.json('GET', '/api/events', undefined, tokens.get('vendor')!)).json();
    expect(vendor.events).toHaveLength(2);
    const ops = await (await t.json('GET', '/api/events', undefined, tokens.get('operations')!)).json();
    expect(ops.events).toHaveLength(10);
  });
});
