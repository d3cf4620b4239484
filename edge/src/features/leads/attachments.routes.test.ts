import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['login']>>;
let leadId: string;
beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mandap-files-'));
  t = await startTestApp({ FILES_DIR: dir });
  sales = await t.login('sales@mandap.demo');
  const res = await t.json('POST', '/api/leads', { name: 'Ira Shah', phone: '98200 11111' }, sales.auth);
  leadId = ((await res.json()) as { lead: { id: string } }).lead.id;
});
afterEach(() => t.cleanup());

const pdf = new TextEncoder().encode('%PDF-1.7 venue plan for the sangeet');

function upload(bytes: Uint8Array, type: string, query: string, auth = sales.auth) {
  return t.app.request(`/api/leads/${leadId}/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...auth },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}

describe('lead attachments', () => {
  it('attaches a file to a logged call, lists it on the timeline and downloads the same bytes', async () => {
    const call = await t.json(
      'POST',
      `/api/leads/${leadId}/communications`,
      { kind: 'call', outcome: 'connected', notes: 'Sent the venue plan' },
      sales.auth,
    );
    const commId = ((await call.json()) as { communication: { id: string } }).communication.id;
    const res = await upload(pdf, 'application/pdf', `fileName=Venue%20plan.pdf&communicationId=${commId}`);
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { id: string; fileName: string; sizeBytes: number } };
    expect(attachment).toMatchObject({ fileName: 'Venue-plan.pdf', sizeBytes: pdf.byteLength });

    const timeline = await (await t.json('GET', `/api/leads/${leadId}/communications`, undefined, sales.auth)).json();
    expect(timeline.communications[0].attachments).toEqual([expect.objectContaining({ id: attachment.id })]);

    const ops = await t.login('ops@mandap.demo');
    const down = await t.app.request(`/api/leads/${leadId}/attachments/${attachment.id}`, { headers: ops.auth });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toBe('attachment; filename="Venue-plan.pdf"');
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(pdf);
    const ev = await t.deps.db.$client.execute({
      sql: "SELECT count(*) AS n FROM event_log WHERE aggregate_id = ? AND type = 'attachment.added'",
      args: [leadId],
    });
    expect(Number(ev.rows[0]!.n)).toBe(1);
  });

  it('refuses a disallowed type, an empty file and a foreign communication, storing nothing', async () => {
    const exe = await upload(new Uint8Array([77, 90]), 'application/x-msdownload', 'fileName=setup.exe');
    expect(exe.status).toBe(422);
    expect((await exe.json()).error.fields.contentType).toMatch(/cannot be attached/);
    expect((await upload(new Uint8Array(), 'image/png', 'fileName=x.png')).status).toBe(422);
    const foreign = await upload(pdf, 'application/pdf', `fileName=a.pdf&communicationId=${crypto.randomUUID()}`);
    expect(foreign.status).toBe(404);
    expect(await countRows(t.deps, 'stored_files')).toBe(0);
  });

  it('accepts an upload larger than the JSON body limit and refuses one over 10 MB', async () => {
    const photo = new Uint8Array(2 * 1024 * 1024).fill(7);
    expect((await upload(photo, 'image/jpeg', 'fileName=mandap.jpg')).status).toBe(201);
    const huge = await upload(new Uint8Array(10 * 1024 * 1024 + 1), 'image/jpeg', 'fileName=huge.jpg');
    expect(huge.status).toBe(413);
    expect(await countRows(t.deps, 'stored_files')).toBe(1);
  });

  it('needs leads:write to upload and leads:read to download', async () => {
    const finance = await t.login('finance@mandap.demo');
    expect((await upload(pdf, 'application/pdf', 'fileName=a.pdf', finance.auth)).status).toBe(403);
    const vendor = await t.login('vendor@mandap.demo');
    const list = await t.app.request(`/api/leads/${leadId}/attachments`, { headers: vendor.auth });
    expect(list.status).toBe(403);
  });
});
