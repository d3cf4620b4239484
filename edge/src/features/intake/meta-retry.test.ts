import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tick } from '../../jobs/tick.ts';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { metaRetryDelayMs } from './meta-fetch.service.ts';
import { metaSignature } from './meta-signature.ts';

const SECRET = 'meta-app-secret-for-retry';
const PAGE_TOKEN = 'page-access-token-for-retry';

/**
 * A stand-in Graph API that checks the request shape the real one requires and fails while
 * `failing` is set (503, as Meta answers when busy).
 */
let graph: Server;
let graphUrl: string;
let failing = false;
const requests: string[] = [];
beforeAll(async () => {
  graph = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const fields = url.searchParams.get('fields')?.split(',') ?? [];
    const shapeOk =
      req.method === 'GET' &&
      /^\/v21\.0\/\d+$/.test(url.pathname) &&
      url.searchParams.get('access_token') === PAGE_TOKEN &&
      ['field_data', 'campaign_id', 'campaign_name', 'ad_id', 'form_id'].every((f) => fields.includes(f));
    requests.push(`${shapeOk ? 'ok' : 'BAD'} ${failing ? 'fail' : 'answer'} ${url.pathname}`);
    res.setHeader('content-type', 'application/json');
    if (!shapeOk || failing) {
      res.statusCode = shapeOk ? 503 : 400;
      res.end(
        JSON.stringify({ error: { message: shapeOk ? 'Service temporarily unavailable' : 'bad request shape' } }),
      );
      return;
    }
    res.end(
      JSON.stringify({
        id: url.pathname.split('/').pop(),
        created_time: '2026-11-30T10:00:00+0000',
        form_id: '222',
        ad_id: '333',
        adset_id: '444',
        campaign_id: '555',
        campaign_name: 'Winter weddings 2026',
        platform: 'ig',
        field_data: [
          { name: 'full_name', values: ['Meera Iyer'] },
          { name: 'phone_number', values: ['+91 98765 11122'] },
          { name: 'email', values: ['meera@example.in'] },
          { name: 'city', values: ['Udaipur'] },
          { name: 'guests', values: ['300'] },
        ],
      }),
    );
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/v21.0`;
});
afterAll(() => graph.close());

let t: TestApp;
afterEach(() => {
  failing = false;
  requests.length = 0;
  return t.cleanup();
});

const body = (leadgenId: string) =>
  JSON.stringify({
    object: 'page',
    entry: [{ id: '111', time: 1, changes: [{ field: 'leadgen', value: { leadgen_id: leadgenId, form_id: '222' } }] }],
  });
async function deliver(leadgenId: string) {
  const b = body(leadgenId);
  const res = await t.app.request('/api/intake/meta', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': await metaSignature(SECRET, b) },
    body: b,
  });
  expect(res.status).toBe(200);
  return (await res.json()).leads[0] as { outcome: string; code: string };
}
async function lead(leadgenId: string) {
  const rs = await t.deps.db.$client.execute({
    sql: 'SELECT name, phone, email, city, requirements, attribution FROM leads WHERE external_ref = ?',
    args: [leadgenId],
  });
  return rs.rows.map((r) => ({
    name: r.name,
    phone: r.phone,
    email: r.email,
    city: r.city,
    requirements: r.requirements,
    attribution: r.attribution ? JSON.parse(String(r.attribution)) : null,
  }));
}
async function fetchRow(leadgenId: string) {
  const rs = await t.deps.db.$client.execute({
    sql: 'SELECT status, attempts, next_attempt_at, last_error FROM intake_fetches WHERE external_ref = ?',
    args: [leadgenId],
  });
  return rs.rows[0];
}

describe('Meta lead whose Graph fetch fails', () => {
  it('is retried by the tick with backoff; a failure then a success books exactly one lead, filled in', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET, META_PAGE_ACCESS_TOKEN: PAGE_TOKEN, META_GRAPH_URL: graphUrl });
    const before = await countRows(t.deps, 'leads');
    failing = true;
    const first = await deliver('910001');
    expect(first.outcome).toBe('created');
    const [pending] = await lead('910001');
    expect(pending).toMatchObject({ name: 'Meta lead 910001', phone: null });
    expect(String(pending!.requirements)).toMatch(/Pending: fetching the fields failed \(Graph API answered 503/);
    const start = t.clock.now().getTime();
    expect(await fetchRow('910001')).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: new Date(start + metaRetryDelayMs(1)).toISOString(),
    });

    // Not due yet: the tick leaves it alone.
    expect((await tick(t.deps, t.clock.now())).metaLeads).toMatchObject({ filled: 0, failed: 0 });
    // Due, still failing: attempt 2, and the wait doubles.
    t.clock.advance(metaRetryDelayMs(1));
    expect((await tick(t.deps, t.clock.now())).metaLeads).toMatchObject({ filled: 0, failed: 1 });
    const second = await fetchRow('910001');
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(Date.parse(String(second!.next_attempt_at)) - t.clock.now().getTime()).toBe(metaRetryDelayMs(2));
    expect(metaRetryDelayMs(2)).toBe(2 * metaRetryDelayMs(1));

    // Meta answers again: the next due tick fills the same lead.
    failing = false;
    t.clock.advance(metaRetryDelayMs(2));
    expect((await tick(t.deps, t.clock.now())).metaLeads).toMatchObject({ filled: 1, failed: 0 });
    expect(await countRows(t.deps, 'leads')).toBe(before + 1);
    const [filled] = await lead('910001');
    expect(filled).toMatchObject({
      name: 'Meera Iyer',
      phone: '+919876511122',
      email: 'meera@example.in',
      city: 'Udaipur',
    });
    expect(String(filled!.requirements)).not.toMatch(/Pending/);
    expect(String(filled!.requirements)).toContain('guests: 300');
    expect(filled!.attribution).toMatchObject({
      utmSource: 'instagram',
      utmCampaign: 'Winter weddings 2026',
      campaignId: '555',
      adGroupId: '444',
      adId: '333',
      formId: '222',
    });
    expect(await fetchRow('910001')).toMatchObject({ status: 'done', attempts: 3 });
    const history = await t.deps.db.$client.execute(
      "SELECT type, payload FROM event_log WHERE type = 'lead.updated' AND payload LIKE '%meta_fetch%'",
    );
    expect(history.rows).toHaveLength(1);

    // Done means done: later ticks and a re-delivery fetch nothing and book nothing.
    const asked = requests.length;
    t.clock.advance(24 * 3_600_000);
    expect((await tick(t.deps, t.clock.now())).metaLeads).toMatchObject({ filled: 0, failed: 0 });
    expect((await deliver('910001')).outcome).toBe('repeat_delivery');
    expect(requests.length).toBe(asked);
    expect(await countRows(t.deps, 'leads')).toBe(before + 1);
    expect(requests.every((r) => r.startsWith('ok '))).toBe(true);
  });

  it('a re-delivery of a pending lead fetches again and fills its missing fields, keeping what a person typed', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET, META_PAGE_ACCESS_TOKEN: PAGE_TOKEN, META_GRAPH_URL: graphUrl });
    failing = true;
    await deliver('910002');
    await t.deps.db.$client.execute("UPDATE leads SET city = 'Jaipur' WHERE external_ref = '910002'");
    failing = false;
    const again = await deliver('910002');
    expect(again.outcome).toBe('refreshed');
    const rows = await lead('910002');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Meera Iyer', phone: '+919876511122', city: 'Jaipur' });
    expect(await fetchRow('910002')).toMatchObject({ status: 'done' });
    // The tick has nothing left to do for it.
    t.clock.advance(metaRetryDelayMs(1));
    expect((await tick(t.deps, t.clock.now())).metaLeads.filled).toBe(0);
  });

  it('with no page token the lead waits, and the tick says the fetcher is off', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET });
    await deliver('910003');
    expect(await fetchRow('910003')).toMatchObject({ status: 'pending' });
    t.clock.advance(metaRetryDelayMs(1));
    expect((await tick(t.deps, t.clock.now())).metaLeads).toEqual({ filled: 0, failed: 0, gaveUp: 0, state: 'off' });
  });

  it('notes a possible twin when the fetched phone already belongs to another lead', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET, META_PAGE_ACCESS_TOKEN: PAGE_TOKEN, META_GRAPH_URL: graphUrl });
    failing = true;
    await deliver('910004');
    failing = false;
    await deliver('910005'); // the same person, fetched at once: a note on nobody's twin, a new lead
    t.clock.advance(metaRetryDelayMs(1));
    expect((await tick(t.deps, t.clock.now())).metaLeads.filled).toBe(1);
    const notes = await t.deps.db.$client.execute(
      "SELECT c.body FROM communications c JOIN leads l ON l.id = c.lead_id WHERE l.external_ref = '910004'",
    );
    expect(String(notes.rows[0]?.body)).toMatch(/Same phone or email as LD-.*Meera Iyer/);
  });
});
