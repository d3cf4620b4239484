import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsV4Signer } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from './s3-storage.ts';

const creds = { accessKeyId: 'AKIDTEST1234', secretAccessKey: 'secret-key-for-tests-only' };
const objects = new Map<string, { bytes: Buffer; type: string }>();
const problems: string[] = [];
let server: Server;
let endpoint: string;

/** Re-signs the request as S3 would (same date, same signed headers) and compares signatures. */
async function signatureMatches(method: string, url: string, headers: IncomingHttpHeaders): Promise<boolean> {
  const auth = String(headers.authorization ?? '');
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
  const h: Record<string, string> = {};
  for (const name of signedHeaders) if (name !== 'host') h[name] = String(headers[name]);
  const signer = new AwsV4Signer({
    ...creds,
    method,
    url,
    headers: h,
    service: 's3',
    region: 'ap-south-1',
    datetime: String(headers['x-amz-date']),
  });
  const expected = (await signer.sign()).headers.get('authorization');
  return expected === auth;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, endpoint);
    const auth = String(req.headers.authorization ?? '');
    const sha = String(req.headers['x-amz-content-sha256'] ?? '');
    if (!/^AWS4-HMAC-SHA256 Credential=AKIDTEST1234\/\d{8}\/ap-south-1\/s3\/aws4_request, /.test(auth))
      problems.push(`bad Authorization: ${auth}`);
    if (!/SignedHeaders=[^,]*x-amz-content-sha256/.test(auth)) problems.push('payload hash not signed');
    if (sha !== createHash('sha256').update(body).digest('hex')) problems.push(`x-amz-content-sha256 ${sha} ≠ body`);
    if (!(await signatureMatches(req.method!, url.toString(), req.headers))) {
      res
        .writeHead(403, { 'content-type': 'application/xml' })
        .end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      return;
    }
    if (!url.pathname.startsWith('/mandap-files/')) problems.push(`not path-style: ${url.pathname}`);
    const key = url.pathname;
    if (req.method === 'PUT') {
      objects.set(key, { bytes: body, type: String(req.headers['content-type']) });
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      const o = objects.get(key);
      if (!o) res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      else res.writeHead(200, { 'content-type': o.type }).end(o.bytes);
    } else if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204).end();
    } else res.writeHead(405).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('S3-compatible file storage', () => {
  it('PUTs, GETs and DELETEs path-style objects signed with SigV4 over the payload hash', async () => {
    const store = s3Storage({ endpoint, bucket: 'mandap-files', region: 'ap-south-1', ...creds });
    const bytes = new TextEncoder().encode('%PDF-1.7 venue plan');
    await store.put('leads/abc/venue-plan.pdf', bytes, 'application/pdf');
    expect(objects.get('/mandap-files/leads/abc/venue-plan.pdf')?.type).toBe('application/pdf');
    expect(await store.get('leads/abc/venue-plan.pdf')).toEqual(bytes);
    await store.delete('leads/abc/venue-plan.pdf');
    expect(await store.get('leads/abc/venue-plan.pdf')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('fails loudly when the bucket refuses the signature, and refuses unsafe keys before any request', async () => {
    const store = s3Storage({
      endpoint,
      bucket: 'mandap-files',
      region: 'ap-south-1',
      ...creds,
      secretAccessKey: 'wrong-secret',
    });
    await expect(store.put('leads/abc/x.txt', new TextEncoder().encode('x'), 'text/plain')).rejects.toThrow(
      /PUT leads\/abc\/x.txt answered 403: .*SignatureDoesNotMatch/,
    );
    expect(objects.has('/mandap-files/leads/abc/x.txt')).toBe(false);
    await expect(store.put('../escape', new Uint8Array([1]), 'text/plain')).rejects.toThrow(/unsafe/);
  });
});
