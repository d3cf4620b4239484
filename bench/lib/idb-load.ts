import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/**
 * Time to open a document with a long editing history from IndexedDB, in real Chromium with the
 * client's own stack (yjs + y-indexeddb, unbundled ES modules from node_modules): one page
 * writes `history` edits through IndexeddbPersistence (one stored update per edit, as in the
 * app), then fresh pages (new JS heap, same origin) open it cold, several times.
 */
const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

const PAGE = `<!doctype html><meta charset="utf-8"><title>idb bench</title>
<script type="importmap">{"imports":{"yjs":"/nm/yjs/dist/yjs.mjs","y-indexeddb":"/nm/y-indexeddb/src/y-indexeddb.js","lib0/":"/nm/lib0/"}}</script>
<script type="module">
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
window.prepare = async (history) => {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence('bench-doc', doc);
  await local.whenSynced;
  const text = doc.getText('content');
  for (let i = 0; i < history; i++) {
    text.insert(Math.floor(text.length / 2), i % 40 === 0 ? '\\n' : 'x');
    if (i % 7 === 0 && text.length > 2) text.delete(1, 1);
    if (i % 200 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  const bytes = Y.encodeStateAsUpdate(doc).length;
  // y-indexeddb stores each update in its own transaction, asynchronously: wait until a fresh
  // reader sees everything, and report how long that took.
  const t0 = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const probe = new Y.Doc();
    const reader = new IndexeddbPersistence('bench-doc', probe);
    await reader.whenSynced;
    const seen = probe.getText('content').length;
    await reader.destroy();
    if (seen === text.length) break;
  }
  const drainMs = performance.now() - t0;
  await local.destroy();
  return { bytes, length: text.length, drainMs };
};
window.open = async () => {
  const t0 = performance.now();
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence('bench-doc', doc);
  await local.whenSynced;
  const ms = performance.now() - t0;
  const length = doc.getText('content').length;
  await local.destroy();
  return { ms, length };
};
window.ready = true;
</script>`;

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(PAGE);
    }
    if (path.startsWith('/nm/')) {
      const rel = path.slice(4).replace(/\.\./g, '');
      const file = [join(nodeModules, rel), join(nodeModules, `${rel}.js`)].find(
        (f) => existsSync(f) && !f.endsWith('/'),
      );
      if (file) {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(readFileSync(file));
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() }),
    ),
  );
}

interface IdbWritten {
  bytes: number;
  length: number;
  /** From the last edit until every edit could be read back from IndexedDB. */
  drainMs: number;
}

export interface IdbLoad extends IdbWritten {
  /** Cold opens, each in a fresh page. */
  opensMs: number[];
}

export async function idbColdLoad(history: number, opens = 5): Promise<IdbLoad> {
  const site = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const context = await browser.newContext();
    const writer = await context.newPage();
    await writer.goto(site.url);
    await writer.waitForFunction('window.ready === true');
    const written = (await writer.evaluate(`window.prepare(${history})`)) as IdbWritten;
    await writer.close();
    const opensMs: number[] = [];
    for (let i = 0; i < opens; i++) {
      const page = await context.newPage();
      await page.goto(site.url);
      await page.waitForFunction('window.ready === true');
      const opened = (await page.evaluate('window.open()')) as { ms: number; length: number };
      if (opened.length !== written.length)
        throw new Error(`IndexedDB gave ${opened.length} chars, wrote ${written.length}`);
      opensMs.push(opened.ms);
      await page.close();
    }
    return { ...written, opensMs };
  } finally {
    await browser.close();
    site.close();
  }
}
