import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSafeKey, localDiskStorage } from './file-storage.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('local disk file storage', () => {
  it('stores, reads back and deletes bytes under nested keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    dirs.push(dir);
    const store = localDiskStorage(dir);
    const bytes = new TextEncoder().encode('%PDF-1.7 brief');
    await store.put('leads/abc/brief.pdf', bytes, 'application/pdf');
    expect(await store.get('leads/abc/brief.pdf')).toEqual(bytes);
    await store.delete('leads/abc/brief.pdf');
    expect(await store.get('leads/abc/brief.pdf')).toBeNull();
  });

  it('refuses keys that would escape its folder', async () => {
    expect(isSafeKey('../etc/passwd')).toBe(false);
    expect(isSafeKey('/abs')).toBe(false);
    expect(isSafeKey('leads/a/../../x')).toBe(false);
    expect(isSafeKey('leads/a b')).toBe(false);
    const store = localDiskStorage(tmpdir());
    await expect(store.put('../x', new Uint8Array(), 'text/plain')).rejects.toThrow(/unsafe/);
  });
});
