import { LINK_PURPOSE, signLink } from '@mandap/shared/access';
import { formatBriefShareSubject } from '@mandap/shared/docs';
import { describe, expect, it } from 'vitest';
import { handled, rawConnect, SECRET, type TestClient, tokenFor, useServerPerTest, waitFor } from './test-support.ts';

const env = useServerPerTest();
const client = env.client;

async function expectRefused(room: string, token: string, code: number): Promise<string> {
  const conn = rawConnect(`ws://127.0.0.1:${env.server.port}/${room}?token=${encodeURIComponent(token)}`);
  const closed = await conn.closed;
  expect(closed.code, `${room} → ${closed.reason}`).toBe(code);
  expect(conn.messages).toHaveLength(0);
  return closed.reason;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const shareToken = async (docName: string, expiresAt = inDays(7), secret = SECRET) =>
  signLink(
    secret,
    LINK_PURPOSE.briefShare,
    formatBriefShareSubject(docName, await env.fx.addShareLink(docName)),
    expiresAt,
  );
const text = (c: TestClient) => c.doc.getText('t').toString();

describe('share-link tokens', () => {
  it('open exactly the named brief, read-only and live: its edits are dropped, the peer stays connected', async () => {
    const brief = `event:${env.fx.eventId}:brief`;
    const staff = await client(brief, await tokenFor(await env.fx.addUser('manager'), 'manager'));
    staff.doc.getText('t').insert(0, 'Sangeet on 12 Nov');
    const guest = await client(brief, await shareToken(brief));
    await waitFor(() => text(guest) === 'Sangeet on 12 Nov', 5_000, 'the brief reaches the share link');

    staff.doc.getText('t').insert(0, 'Live: ');
    await waitFor(() => text(guest).startsWith('Live: '), 5_000, 'a live edit reaches the share link');

    guest.doc.getText('t').insert(0, 'HACK ');
    await handled(guest.provider.ws);
    await handled(staff.provider.ws);
    expect(text(staff)).toBe('Live: Sangeet on 12 Nov');
    expect(guest.provider.wsconnected).toBe(true);
  });

  it('refuse other documents (4403), and altered, foreign-purpose or expired tokens (4401)', async () => {
    const brief = `event:${env.fx.eventId}:brief`;
    const good = await shareToken(brief);
    await expectRefused(`event:${env.fx.eventId}:tasks`, good, 4403);
    await expectRefused(`event:${env.fx.eventId}:dayof`, good, 4403);
    const other = (await env.fx.addLead({ convert: true })).eventId;
    await expectRefused(`event:${other}:brief`, good, 4403);
    // A tasks "share link" signed correctly is still refused: share links are for briefs only.
    await expectRefused(`event:${env.fx.eventId}:tasks`, await shareToken(`event:${env.fx.eventId}:tasks`), 4403);

    const [subject, exp, sig] = good.split('.') as [string, string, string];
    const later = `${subject}.${Number(exp) + 86_400}.${sig}`;
    const flipped = `${subject}.${exp}.${sig.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'))}`;
    expect(await expectRefused(brief, later, 4401)).toBe('invalid share link');
    expect(await expectRefused(brief, flipped, 4401)).toBe('invalid share link');
    expect(await expectRefused(brief, await shareToken(brief, inDays(7), `${SECRET}x`), 4401)).toBe(
      'invalid share link',
    );
    const quoteKey = await signLink(SECRET, LINK_PURPOSE.quoteShare, brief, inDays(7));
    expect(await expectRefused(brief, quoteKey, 4401)).toBe('invalid share link');
    expect(await expectRefused(brief, await shareToken(brief, inDays(-1)), 4401)).toBe('share link expired');

    const gone = `event:00000000-0000-4000-8000-000000000000:brief`;
    await expectRefused(gone, await shareToken(gone), 4404);
  });
});

describe('lead briefs', () => {
  it('follow the lead into its event: both names open one document, live', async () => {
    const { leadId, eventId } = await env.fx.addLead({ convert: true });
    const sales = await tokenFor(await env.fx.addUser('sales'), 'sales');
    const ops = await tokenFor(await env.fx.addUser('operations'), 'operations');
    const onLead = await client(`lead:${leadId}:brief`, sales);
    onLead.doc.getText('t').insert(0, 'Captured on the first call');

    const onEvent = await client(`event:${eventId}:brief`, ops);
    await waitFor(() => text(onEvent) === 'Captured on the first call', 5_000, 'the event opens the lead brief');
    onEvent.doc.getText('t').insert(0, 'Ops: ');
    await waitFor(() => text(onLead).startsWith('Ops: '), 5_000, 'an event edit reaches the lead view');

    // A share link made for the event name opens the same brief.
    const guest = await client(`event:${eventId}:brief`, await shareToken(`event:${eventId}:brief`));
    await waitFor(() => text(guest) === 'Ops: Captured on the first call', 5_000, 'the share link sees it');
  });

  it('are edited by those who may change leads, read by those who may read them, refused to others', async () => {
    const { leadId } = await env.fx.addLead();
    const room = `lead:${leadId}:brief`;
    const finance = await client(room, await tokenFor(await env.fx.addUser('finance'), 'finance'));
    const sales = await client(room, await tokenFor(await env.fx.addUser('sales'), 'sales'));
    finance.doc.getText('t').insert(0, 'finance edit');
    sales.doc.getText('t').insert(0, 'sales edit');
    // Finance keeps its own dropped edit locally; what matters is that nobody else receives it.
    await waitFor(() => text(finance).includes('sales edit'), 5_000, 'sales edit reaches finance');
    await handled(finance.provider.ws);
    await handled(sales.provider.ws);
    expect(text(sales)).toBe('sales edit');

    const vendor = await env.fx.addUser('vendor');
    await env.fx.grant(vendor, 'write');
    await expectRefused(room, await tokenFor(vendor, 'vendor'), 4403);
    await expectRefused(room, await tokenFor(await env.fx.addUser('client'), 'client'), 4403);
    const manager = await tokenFor(await env.fx.addUser('manager'), 'manager');
    await expectRefused('lead:00000000-0000-4000-8000-000000000000:brief', manager, 4404);
    await expectRefused(`lead:${leadId}:tasks`, manager, 4400);
  });
});
