import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';
import { metaSignature } from './meta-signature.ts';

const SECRET = 'meta-app-secret-for-tests';
const PAGE_TOKEN = 'page-access-token-for-tests';
const GOOGLE_KEY = 'google-key-for-tests';

/** A stand-in Graph API that checks the request shape the real one requires. */
let graph: Server;
let graphUrl: string;
const graphRequests: string[] = [];
beforeAll(async () => {
  graph = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    graphRequests.push(url.pathname);
    const ok =
      req.method === 'GET' &&
      /^\/v21\.0\/\d+$/.test(url.pathname) &&
      url.searchParams.get('access_token') === PAGE_TOKEN &&
      url.searchParams.get('fields')?.split(',').includes('field_data');
    res.setHeader('content-type', 'application/json');
    if (!ok) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: { message: 'bad request shape' } }));
      return;
    }
    res.end(
      JSON.stringify({
        id: url.pathname.split('/').pop(),
        created_time: '2026-06-01T10:00:00+0000',
        field_data: [
          { name: 'full_name', values: ['Riya Kapoor'] },
          { name: 'phone_number', values: ['+91-98765-43210'] },
          { name: 'email', values: ['riya@example.in'] },
          { name: 'city', values: ['Jaipur'] },
          { name: 'wedding_budget', values: ['40-50 lakh'] },
        ],
      }),
    );
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}/v21.0`;
});
afterAll(() => graph.close());

let t: TestApp;
afterEach(() => t.cleanup());

const metaBody = (leadgenId: string) =>
  JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '111',
        time: 1,
        changes: [{ field: 'leadgen', value: { leadgen_id: leadgenId, form_id: '222', page_id: '111' } }],
      },
    ],
  });

async function postMeta(body: string, signature?: string) {
  return t.app.request('/api/intake/meta', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    body,
  });
}

async function inbox(provider: string) {
  const rs = await t.deps.db.$client.execute({
    sql: 'SELECT status, reason, provider_event_id FROM webhook_inbox WHERE provider = ? ORDER BY received_at, rowid',
    args: [provider],
  });
  return rs.rows.map((r) => ({ status: r.status, reason: String(r.reason) }));
}

describe('Meta Lead Ads webhook', () => {
  it('answers the subscription check only with the right verify token', async () => {
    t = await startTestApp({ META_VERIFY_TOKEN: 'verify-me-please' });
    const ok = await t.app.request(
      '/api/intake/meta?hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=1158201444',
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await t.app.request('/api/intake/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1');
    expect(bad.status).toBe(403);
  });

  it('refuses a missing or wrong signature with 401, records why, creates nothing', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET });
    const before = await countRows(t.deps, 'leads');
    const body = metaBody('900001');
    expect((await postMeta(body)).status).toBe(401);
    const tampered = await metaSignature(SECRET, body.replace('900001', '900002'));
    expect((await postMeta(body, tampered)).status).toBe(401);
    expect((await postMeta(body, await metaSignature('another-secret', body))).status).toBe(401);
    expect(await countRows(t.deps, 'leads')).toBe(before);
    expect(await inbox('meta')).toEqual([
      { status: 'rejected', reason: 'X-Hub-Signature-256 is missing' },
      { status: 'rejected', reason: 'X-Hub-Signature-256 does not match the body' },
      { status: 'rejected', reason: 'X-Hub-Signature-256 does not match the body' },
    ]);
  });

  it('fetches the fields through the Graph API adapter; the same delivery twice is one lead', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET, META_PAGE_ACCESS_TOKEN: PAGE_TOKEN, META_GRAPH_URL: graphUrl });
    const before = await countRows(t.deps, 'leads');
    const body = metaBody('900123');
    const sig = await metaSignature(SECRET, body);
    const first = await postMeta(body, sig);
    expect(first.status).toBe(200);
    expect((await first.json()).leads[0]).toMatchObject({ outcome: 'created', code: expect.stringMatching(/^LD-/) });
    expect(graphRequests).toContain('/v21.0/900123');
    const again = await postMeta(body, sig);
    expect((await again.json()).leads[0].outcome).toBe('repeat_delivery');
    expect(await countRows(t.deps, 'leads')).toBe(before + 1);
    const rs = await t.deps.db.$client.execute(
      "SELECT name, phone, email, city, source, external_ref, requirements FROM leads WHERE external_ref = '900123'",
    );
    expect(rs.rows[0]).toMatchObject({
      name: 'Riya Kapoor',
      phone: '+919876543210',
      email: 'riya@example.in',
      city: 'Jaipur',
      source: 'meta_ads',
    });
    expect(String(rs.rows[0]!.requirements)).toContain('wedding_budget: 40-50 lakh');
    expect((await inbox('meta')).map((r) => r.status)).toEqual(['processed', 'duplicate']);
  });

  it('without a page token keeps a pending lead that says why', async () => {
    t = await startTestApp({ META_APP_SECRET: SECRET });
    const body = metaBody('900777');
    expect((await postMeta(body, await metaSignature(SECRET, body))).status).toBe(200);
    const rs = await t.deps.db.$client.execute("SELECT name, requirements FROM leads WHERE external_ref = '900777'");
    expect(rs.rows[0]!.name).toBe('Meta lead 900777');
    expect(String(rs.rows[0]!.requirements)).toMatch(
      /Pending: fields not fetched because the Meta page access token is not configured/,
    );
  });
});

describe('Google Ads lead form webhook', () => {
  const delivery = (key: string, leadId = 'TeSter-123') => ({
    lead_id: leadId,
    google_key: key,
    campaign_id: 987,
    gcl_id: 'gclid-1',
    user_column_data: [
      { column_id: 'FULL_NAME', string_value: 'Kabir Shah' },
      { column_id: 'PHONE_NUMBER', string_value: '9820011111' },
      { column_id: 'EMAIL', string_value: 'kabir@example.in' },
      { column_id: 'CITY', string_value: 'Goa' },
    ],
  });

  it('refuses a wrong key with 401 and maps user_column_data once for repeated deliveries', async () => {
    t = await startTestApp({ GOOGLE_LEADS_KEY: GOOGLE_KEY });
    const before = await countRows(t.deps, 'leads');
    expect((await t.json('POST', '/api/intake/google', delivery('wrong-key-123'))).status).toBe(401);
    expect(await countRows(t.deps, 'leads')).toBe(before);
    const ok = await t.json('POST', '/api/intake/google', delivery(GOOGLE_KEY));
    expect(ok.status).toBe(200);
    expect((await t.json('POST', '/api/intake/google', delivery(GOOGLE_KEY))).status).toBe(200);
    expect(await countRows(t.deps, 'leads')).toBe(before + 1);
    const rs = await t.deps.db.$client.execute(
      "SELECT name, phone, city, source FROM leads WHERE external_ref = 'TeSter-123'",
    );
    expect(rs.rows[0]).toMatchObject({ name: 'Kabir Shah', phone: '+919820011111', city: 'Goa', source: 'google_ads' });
    expect((await inbox('google_ads')).map((r) => r.status)).toEqual(['rejected', 'processed', 'duplicate']);
  });

  it('keeps a test lead (is_test) out of the pipeline, answering 200 and noting it in the inbox', async () => {
    t = await startTestApp({ GOOGLE_LEADS_KEY: GOOGLE_KEY });
    const before = await countRows(t.deps, 'leads');
    const res = await t.json('POST', '/api/intake/google', { ...delivery(GOOGLE_KEY, 'test-lead-1'), is_test: true });
    expect(res.status).toBe(200);
    expect((await res.json()).leads[0].outcome).toBe('test_lead');
    expect(await countRows(t.deps, 'leads')).toBe(before);
    expect(await inbox('google_ads')).toEqual([
      { status: 'processed', reason: 'test lead test-lead-1 (is_test): kept out of the pipeline' },
    ]);
  });

  it('stores the click id as gclid and the campaign, ad group, ad and form ids', async () => {
    t = await startTestApp({ GOOGLE_LEADS_KEY: GOOGLE_KEY });
    const res = await t.json('POST', '/api/intake/google', {
      ...delivery(GOOGLE_KEY, 'real-lead-7'),
      is_test: false,
      adgroup_id: 20202,
      creative_id: 30303,
      form_id: 40404,
    });
    expect(res.status).toBe(200);
    const rs = await t.deps.db.$client.execute("SELECT attribution FROM leads WHERE external_ref = 'real-lead-7'");
    expect(JSON.parse(String(rs.rows[0]!.attribution))).toEqual({
      utmSource: 'google',
      utmMedium: 'cpc',
      gclid: 'gclid-1',
      campaignId: '987',
      adGroupId: '20202',
      adId: '30303',
      formId: '40404',
    });
  });

  it('is off until configured', async () => {
    t = await startTestApp();
    expect((await t.json('POST', '/api/intake/google', delivery('anything-at-all'))).status).toBe(401);
    expect((await inbox('google_ads'))[0]!.reason).toBe('GOOGLE_LEADS_KEY is not configured');
  });
});

describe('website form', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    name: 'Neha Joshi',
    phone: '98200 55555',
    message: 'Sangeet for 200 in December',
    eventType: 'sangeet',
    utm_source: 'instagram',
    utm_medium: 'social',
    utm_campaign: 'winter-weddings',
    landingPage: '/sangeet',
    referrer: 'https://instagram.com/',
    formStartedAt: Date.now() - 60_000,
    ...over,
  });

  it('creates a lead with its UTM attribution; the same person again adds a note, not a twin', async () => {
    t = await startTestApp();
    const res = await t.json('POST', '/api/intake/website', form(), { 'x-forwarded-for': '10.0.0.1' });
    expect(res.status).toBe(200);
    const { reference } = await res.json();
    const rs = await t.deps.db.$client.execute({
      sql: 'SELECT id, source, attribution, requirements FROM leads WHERE code = ?',
      args: [reference],
    });
    expect(rs.rows[0]!.source).toBe('website');
    expect(JSON.parse(String(rs.rows[0]!.attribution))).toMatchObject({
      utmSource: 'instagram',
      utmCampaign: 'winter-weddings',
      landingPage: '/sangeet',
    });
    const before = await countRows(t.deps, 'leads');
    await t.json('POST', '/api/intake/website', form({ phone: '+91 98200 55555' }), { 'x-forwarded-for': '10.0.0.2' });
    expect(await countRows(t.deps, 'leads')).toBe(before);
    const notes = await t.deps.db.$client.execute({
      sql: "SELECT body FROM communications WHERE lead_id = ? AND kind = 'note'",
      args: [String(rs.rows[0]!.id)],
    });
    expect(String(notes.rows[0]!.body)).toMatch(/Enquired again via website/);
  });

  it('tags a visitor sent by a configured listing platform with that platform', async () => {
    t = await startTestApp({ LISTING_PLATFORMS: 'wedmegood,weddingbazaar:WeddingBazaar' });
    const sources = [];
    for (const [phone, over] of [
      ['98200 61111', { utm_source: 'weddingbazaar' }],
      ['98200 62222', { utm_source: undefined, referrer: 'https://www.wedmegood.com/vendors/mumbai' }],
      ['98200 63333', {}],
    ] as const) {
      const res = await t.json('POST', '/api/intake/website', form({ phone, ...over }), { 'x-forwarded-for': phone });
      const rs = await t.deps.db.$client.execute({
        sql: 'SELECT source, source_detail FROM leads WHERE code = ?',
        args: [(await res.json()).reference],
      });
      sources.push([rs.rows[0]!.source, rs.rows[0]!.source_detail]);
    }
    expect(sources).toEqual([
      ['listing', 'WeddingBazaar'],
      ['wedmegood', '/sangeet'],
      ['website', '/sangeet'],
    ]);
  });

  it('drops bots quietly: a filled honeypot or an instant submit creates nothing', async () => {
    t = await startTestApp();
    const before = await countRows(t.deps, 'leads');
    expect((await t.json('POST', '/api/intake/website', form({ website: 'http://spam' }))).status).toBe(200);
    expect(
      (await t.json('POST', '/api/intake/website', form({ phone: '98200 66666', formStartedAt: Date.now() }))).status,
    ).toBe(200);
    expect(await countRows(t.deps, 'leads')).toBe(before);
    expect((await inbox('website')).map((r) => r.reason)).toEqual([
      'spam guard: honeypot field was filled',
      'spam guard: form was sent too quickly after it was shown',
    ]);
  });

  it('refuses a malformed phone naming the field, and rate-limits per IP', async () => {
    t = await startTestApp({ WEBSITE_FORM_MAX_PER_10_MIN: '2' });
    const bad = await t.json('POST', '/api/intake/website', form({ phone: '12345' }), {
      'x-forwarded-for': '10.9.9.9',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty('phone');
    const ip = { 'x-forwarded-for': '10.1.1.1' };
    expect((await t.json('POST', '/api/intake/website', form({ phone: '98200 77771' }), ip)).status).toBe(200);
    expect((await t.json('POST', '/api/intake/website', form({ phone: '98200 77772' }), ip)).status).toBe(200);
    const limited = await t.json('POST', '/api/intake/website', form({ phone: '98200 77773' }), ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(
      (await t.json('POST', '/api/intake/website', form({ phone: '98200 77774' }), { 'x-forwarded-for': '10.2.2.2' }))
        .status,
    ).toBe(200);
  });
});
