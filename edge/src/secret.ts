import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomToken } from './lib/crypto.ts';

/**
 * On a local install with no JWT_SECRET set, generate one once and keep it in the data
 * folder (mode 600), so restarts do not sign everyone out. Production sets JWT_SECRET.
 */
export function localJwtSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomToken() + randomToken();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
