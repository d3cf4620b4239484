import { AwsClient } from 'aws4fetch';
import { assertSafeKey, type FileStorage } from './file-storage.ts';

/** Connection to an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, Backblaze B2, …). */
export interface S3Config {
  /** Base URL of the service, e.g. https://s3.ap-south-1.amazonaws.com or https://<account>.r2.cloudflarestorage.com. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Objects in an S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`, which
 * every S3-compatible service accepts), signed with AWS Signature V4 over fetch (aws4fetch),
 * the payload hash sent in x-amz-content-sha256. Runs on Node, Deno and Workers.
 */
export function s3Storage(config: S3Config, fetchImpl: typeof fetch = fetch): FileStorage {
  const aws = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
  });
  const base = config.endpoint.replace(/\/+$/, '');
  const urlOf = (key: string) => {
    assertSafeKey(key);
    return `${base}/${encodeURIComponent(config.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  };
  const send = async (key: string, init: RequestInit & { hash: string }) => {
    const { hash, ...rest } = init;
    const signed = await aws.sign(urlOf(key), {
      ...rest,
      headers: { ...(rest.headers as Record<string, string>), 'x-amz-content-sha256': hash },
    });
    return fetchImpl(signed);
  };
  const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const fail = async (what: string, key: string, res: Response): Promise<never> => {
    const text = (await res.text()).slice(0, 300);
    throw new Error(`S3 ${what} ${key} answered ${res.status}: ${text}`);
  };
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      const res = await send(key, {
        method: 'PUT',
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) },
        hash: await sha256Hex(bytes),
      });
      if (!res.ok) await fail('PUT', key, res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await send(key, { method: 'GET', hash: EMPTY_SHA256 });
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) await fail('GET', key, res);
      return new Uint8Array(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await send(key, { method: 'DELETE', hash: EMPTY_SHA256 });
      if (!res.ok && res.status !== 404) await fail('DELETE', key, res);
      await res.body?.cancel();
    },
  };
}
