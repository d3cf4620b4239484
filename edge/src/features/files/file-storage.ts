/**
 * Where attachment bytes live, behind one interface: local disk under data/files by default
 * (Node, Deno), an S3-compatible bucket when S3_* is configured (every runtime, Workers included).
 */
export interface FileStorage {
  /** Which implementation this is, for logs and the health of uploads. */
  readonly kind: 'local' | 's3';
  /** Stores bytes under `key` (a relative path such as `leads/<id>/<uuid>-brief.pdf`). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** A key is a relative path of safe segments: no `..`, no absolute paths, no odd characters. */
export function isSafeKey(key: string): boolean {
  return /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) && !key.split('/').some((s) => s === '..' || s === '.');
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
}

type Builtins = {
  fs: typeof import('node:fs/promises');
  path: typeof import('node:path');
};

/**
 * Node's fs and path reached through process.getBuiltinModule (Node ≥ 20.16, Deno) instead of
 * a static `node:` import, so the Workers bundle (no nodejs_compat) still builds; null there.
 */
function nodeBuiltins(): Builtins | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: NodeJS.Process['getBuiltinModule'] } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs/promises');
  const path = proc?.getBuiltinModule?.('node:path');
  return fs && path ? { fs, path } : null;
}

/** Whether this runtime has a file system for the local-disk storage. */
export const hasLocalDisk = (): boolean => nodeBuiltins() !== null;

/** Files on the local disk under `root` (Node and Deno; not available on Workers). */
export function localDiskStorage(root: string): FileStorage {
  const b = nodeBuiltins();
  if (!b) throw new Error('this runtime has no file system: configure S3_* for attachments');
  const { fs, path } = b;
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    assertSafeKey(key);
    const p = path.resolve(path.join(base, key));
    if (!p.startsWith(base + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return p;
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const p = pathOf(key);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, bytes);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(pathOf(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
