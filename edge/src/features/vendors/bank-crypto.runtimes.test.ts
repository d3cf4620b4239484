import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { localBin, REPO_ROOT } from '../../testing/server-process.ts';
import { bankKeyFrom, openBank, sealBank } from './bank-crypto.ts';

const MATERIAL = 'vendor-bank-key-for-the-runtime-test-0123456789';
const VENDOR = '01a22b6d-0000-7000-8000-000000000001';
const DETAILS = {
  accountName: 'Gulmohar Florists',
  accountNumber: '50100987654321',
  ifsc: 'HDFC0001234',
  bankName: 'HDFC Bank',
  swift: null,
};

describe('bank details under Deno (WebCrypto AES-256-GCM, the same module)', () => {
  it('opens what Node sealed, seals what Node opens, and refuses a ciphertext moved to another row', async () => {
    const key = await bankKeyFrom(MATERIAL);
    const sealedOnNode = await sealBank(key, VENDOR, DETAILS);
    const run = spawnSync(
      localBin('deno'),
      ['run', '--allow-read', '--allow-env', 'edge/src/features/vendors/bank-crypto.deno-probe.ts'],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          BANK_PROBE: JSON.stringify({ material: MATERIAL, vendorId: VENDOR, sealed: sealedOnNode }),
        },
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ runtime: 'deno', keyId: key.id, opened: DETAILS, tamperRefused: true });
    expect(out.sealed).not.toContain('50100987654321');
    expect(await openBank([key], VENDOR, out.sealed)).toEqual({ ...DETAILS, bankName: 'Sealed under Deno' });
    await expect(openBank([key], `${VENDOR}x`, out.sealed)).rejects.toThrow(/cannot be opened/);
  }, 300_000);
});
