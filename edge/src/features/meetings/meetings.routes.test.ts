import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

/**
 * A local stand-in for Google's token endpoint and Calendar API that checks each request the
 * way Google would: the service account's RS256 assertion (signature, iss, aud, scope), the
 * bearer token it issued, and the events.insert shape with conferenceDataVersion=1.
 */
async function googleStandIn() {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
  const pem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  const seen: { path: string; query: URLSearchParams; auth: string | undefined; body: Record<string, unknown> }[] = [];
  const problems: string[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => resolve(b));
    });
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const raw = await read(req);
    if (url.pathname === '/token') {
      const form = new URLSearchParams(raw);
      const [h, p, s] = (form.get('assertion') ?? '').split('.');
      const ok =
        form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
        h &&
        p &&
        s &&
        (await crypto.subtle.verify(
          'RSASSA-PKCS1-v1_5',
          pair.publicKey,
          Buffer.from(s, 'base64url'),
          new TextEncoder().encode(`${h}.${p}`),
        ));
      const claims = ok ? (JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>) : {};
      if (!ok || claims.iss !== 'mandap@example.iam.gserviceaccount.com' || claims.aud !== `${base}/token`) {
        problems.push(`bad assertion ${JSON.stringify(claims)}`);
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"error":"invalid_grant","error_description":"Invalid JWT"}');
        return;
      }
      if (!String(claims.scope).includes('calendar')) problems.push('no calendar scope');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"access_token":"ya29.stand-in","expires_in":3600}');
      return;
    }
    const m = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(url.pathname);
    if (req.method === 'POST' && m) {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ path: url.pathname, query: url.searchParams, auth: req.headers.authorization, body });
      if (req.headers.authorization !== 'Bearer ya29.stand-in') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Invalid Credentials"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'g-evt-1',
          htmlLink: 'https://www.google.com/calendar/event?eid=abc',
          hangoutLink: 'https://meet.google.com/abc-defg-hij',
          conferenceData: {
            entryPoints: [{ entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij' }],
          },
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serviceAccount = JSON.stringify({
    type: 'service_account',
    client_email: 'mandap@example.iam.gserviceaccount.com',
    private_key: pem,
    token_uri: `${base}/token`,
  });
  return { base, serviceAccount, seen, problems, close: () => new Promise((r) => server.close(r)) };
}

type Login = Awaited<ReturnType<TestApp['login']>>;

describe('meetings with Google Calendar configured', () => {
  let t: TestApp;
  let g: Awaited<ReturnType<typeof googleStandIn>>;
  let sales: Login;
  let leadId: string;
  beforeAll(async () => {
    g = await googleStandIn();
    t = await startTestApp({
      GOOGLE_SERVICE_ACCOUNT_JSON: g.serviceAccount,
      GOOGLE_CALENDAR_ID: 'events@gulmohar.example',
      GOOGLE_CALENDAR_API_URL: g.base,
    });
    sales = await t.login('sales@mandap.demo');
    const [lead] = await t.deps.db.all<{ id: string }>(sql`SELECT id FROM leads ORDER BY created_at LIMIT 1`);
    leadId = lead!.id;
  });
  afterAll(async () => {
    t.cleanup();
    await g.close();
  });

  it('creates the event with a Meet link through the real request shape', async () => {
    const res = await t.json(
      'POST',
      '/api/meetings',
      {
        leadId,
        title: 'Décor walkthrough',
        startsAt: '2031-01-10T11:00:00+05:30',
        durationMinutes: 45,
        attendees: [
          { name: 'Ananya Kapoor', email: 'ananya@example.com' },
          { name: 'Her father', phone: '+919800000001' },
        ],
      },
      sales.auth,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { meeting } = (await res.json()) as { meeting: { provider: string; meetUrl: string; id: string } };
    expect(meeting).toMatchObject({ provider: 'google', meetUrl: 'https://meet.google.com/abc-defg-hij' });
    expect(g.problems).toEqual([]);
    expect(g.seen).toHaveLength(1);
    const call = g.seen[0]!;
    expect(call.path).toBe('/calendar/v3/calendars/events%40gulmohar.example/events');
    expect(call.query.get('conferenceDataVersion')).toBe('1');
    expect(call.auth).toBe('Bearer ya29.stand-in');
    expect(call.body).toMatchObject({
      summary: 'Décor walkthrough',
      start: { dateTime: '2031-01-10T05:30:00.000Z', timeZone: 'Asia/Kolkata' },
      end: { dateTime: '2031-01-10T06:15:00.000Z', timeZone: 'Asia/Kolkata' },
      // Only attendees with an email can be invited by Google.
      attendees: [{ email: 'ananya@example.com', displayName: 'Ananya Kapoor' }],
      conferenceData: { createRequest: { requestId: meeting.id, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
    });
  });
});

describe('meetings without Google: an .ics invitation, then the outcome on the timeline', () => {
  let t: TestApp;
  let sales: Login;
  let client: Login;
  let leadId: string;
  beforeAll(async () => {
    t = await startTestApp();
    sales = await t.login('sales@mandap.demo');
    client = await t.login('client@mandap.demo');
    const [lead] = await t.deps.db.all<{ id: string }>(sql`SELECT id FROM leads ORDER BY created_at LIMIT 1`);
    leadId = lead!.id;
  });
  afterAll(() => t.cleanup());

  it('schedules with an .ics invitation and logs notes, references, reactions and decisions', async () => {
    const res = await t.json(
      'POST',
      '/api/meetings',
      {
        leadId,
        title: 'Venue visit, Taj Lands End',
        startsAt: '2031-01-12T16:00:00+05:30',
        durationMinutes: 60,
        location: 'Taj Lands End, Bandra',
        attendees: [{ name: 'Ananya Kapoor', email: 'ananya@example.com' }],
      },
      sales.auth,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const { meeting } = (await res.json()) as { meeting: { id: string; provider: string; inviteUrl: string } };
    expect(meeting.provider).toBe('ics');
    const ics = await t.json('GET', meeting.inviteUrl, undefined, sales.auth);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain('METHOD:REQUEST');
    expect(text).toContain('DTSTART:20310112T103000Z');
    expect(text).toContain('ATTENDEE;CN="Ananya Kapoor"');
    expect(text).toContain('mailto:ananya@example.com');
    expect((await t.json('GET', meeting.inviteUrl, undefined, client.auth)).status).toBe(403);

    const outcome = {
      notes: 'Walked the lawn and the ballroom.',
      references: [{ title: 'Marigold mandap, Udaipur 2025', url: 'https://example.com/ref/1' }],
      reactions: 'Loved the lawn, worried about rain.',
      decisions: 'Lawn with a rain cover; quote by Friday.',
    };
    const held = await t.json('POST', `/api/meetings/${meeting.id}/outcome`, outcome, sales.auth);
    expect(held.status, await held.clone().text()).toBe(200);
    // Saved twice (a correction): still one entry on the timeline.
    await t.json(
      'POST',
      `/api/meetings/${meeting.id}/outcome`,
      { ...outcome, decisions: 'Lawn; quote Friday.' },
      sales.auth,
    );
    const rows = await t.deps.db.all<{ kind: string; body: string; details: string }>(
      sql`SELECT kind, body, details FROM communications WHERE lead_id = ${leadId} AND kind = 'meeting'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toBe('Walked the lawn and the ballroom.');
    expect(JSON.parse(rows[0]!.details)).toMatchObject({
      references: outcome.references,
      reactions: outcome.reactions,
      decisions: 'Lawn; quote Friday.',
    });
    const timeline = await t.json('GET', `/api/leads/${leadId}/communications`, undefined, sales.auth);
    expect(timeline.status).toBe(200);
    expect(await timeline.text()).toContain('Walked the lawn');
  });

  it('refuses bad input with every field named', async () => {
    const res = await t.json(
      'POST',
      '/api/meetings',
      { title: '', startsAt: 'tomorrow', durationMinutes: 5, attendees: [{ name: 'X', email: 'not-an-email' }] },
      sales.auth,
    );
    expect(res.status).toBe(400);
    const fields = Object.keys(((await res.json()) as { error: { fields: object } }).error.fields);
    for (const f of ['title', 'startsAt', 'durationMinutes', 'attendees.0.email']) expect(fields).toContain(f);
  });
});
