import type { Env } from '../../env.ts';
import { AppError } from '../../lib/errors.ts';
import { type FileStorage, hasLocalDisk, localDiskStorage } from './file-storage.ts';
import { s3Storage } from './s3-storage.ts';

const cache = new WeakMap<Env, FileStorage>();

/**
 * The file storage the configuration asks for: S3-compatible when S3_ENDPOINT, S3_BUCKET and
 * both keys are set; otherwise local disk under FILES_DIR. A runtime with neither (Workers
 * without S3) answers 422 saying what to configure.
 */
export function fileStorageFor(env: Env): FileStorage {
  const cached = cache.get(env);
  if (cached) return cached;
  const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  let storage: FileStorage;
  if (s3.every(Boolean)) {
    storage = s3Storage({
      endpoint: env.S3_ENDPOINT!,
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    });
  } else if (s3.some(Boolean)) {
    throw new AppError(
      'unprocessable',
      'S3 storage is half configured: set S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together.',
    );
  } else if (hasLocalDisk()) {
    storage = localDiskStorage(env.FILES_DIR);
  } else {
    throw new AppError('unprocessable', 'Attachments need S3-compatible storage on this runtime: configure S3_*.');
  }
  cache.set(env, storage);
  return storage;
}
