import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE } from './auth.ts';
import { poisonUpdate } from './crafted-updates.ts';
import { encodeUpdate } from './protocol.ts';
import { type Child, startChild, stopChild } from './test-child.ts';
import {
  closeClient,
  connectClient,
  createFixture,
  type Fixture,
  freePort,
  handled,
  rawConnect,
  readStoredDoc,
  sleep,
  tokenFor,
  waitFor,
} from './test-support.ts';

let fx: Fixture;
const children: Child[] = [];

beforeEach(async () => {
  fx = await createFixture();
});

afterEach(() => {
  for (const c of children) stopChild(c);
  children.length = 0;
  fx.cleanup();
});

async function openConnections(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return ((await res.json()) as { connections: number }).connections;
}

describe('the reported crash loop', () => {
  it('refuses a 40 KB update that decodes but cannot be applied; the server, the document and a restart survive', async () => {
    const port = await freePort();
    const room = `event:${fx.eventId}:tasks`;
    const vendor = await fx.addUser('vendor');
    await fx.grant(vendor, 'write');
    const manager = await fx.addUser('manager');
    const child = await startChild(fx, port, { COLLAB_COMPACT_AFTER: '3' });
    children.push(child);

    const editor = await connectClient(port, room, await tokenFor(manager, 'manager'));
    editor.doc.getText('notes').insert(0, 'before;');

    const attacker = rawConnect(`ws://127.0.0.1:${port}/${room}?token=${await tokenFor(vendor, 'vendor')}`);
    await attacker.opened;
    const poison = poisonUpdate();
    expect(poison.length).toBeGreaterThan(40_000);
    attacker.ws.send(encodeUpdate(poison));
    const closed = await attacker.closed;
    expect(closed.code).toBe(CLOSE.invalidUpdate);
    expect(closed.reason).toMatch(/could not be applied/);

    // Edits keep flowing, past several compactions, to a second peer.
    const watcher = await connectClient(port, room, await tokenFor(await fx.addUser('operations'), 'operations'));
    for (let i = 0; i < 10; i++) {
      editor.doc.getText('notes').insert(editor.doc.getText('notes').length, `e${i};`);
      await sleep(15);
    }
    await waitFor(() => watcher.doc.getText('notes').toString().includes('e9;'), 10_000, 'relay after the poison');
    expect(watcher.doc.getText('notes').toString()).not.toContain('xxxx');
    closeClient(watcher);
    closeClient(editor);
    await waitFor(async () => (await openConnections(port)) === 0, 5_000, 'the server to handle both closes');
    expect(child.process.exitCode).toBeNull();

    // Nothing of the refused update is stored, and the stored document loads cleanly.
    const stored = await readStoredDoc(fx.collabUrl, room);
    expect(stored.getText('notes').toString()).toBe(
      `before;${Array.from({ length: 10 }, (_, i) => `e${i};`).join('')}`,
    );

    // A restart loads it, and the next edit neither crashes nor is lost.
    child.process.kill('SIGKILL');
    await child.exited;
    const again = await startChild(fx, port, { COLLAB_COMPACT_AFTER: '3' });
    children.push(again);
    const after = await connectClient(port, room, await tokenFor(manager, 'manager'));
    expect(after.doc.getText('notes').toString()).toContain('e9;');
    after.doc.getText('notes').insert(0, 'after;');
    await handled(after.provider.ws); // answered once the edit is committed
    closeClient(after);
    await waitFor(async () => (await openConnections(port)) === 0, 5_000, 'the server to handle the close');
    expect(again.process.exitCode).toBeNull();
    expect((await readStoredDoc(fx.collabUrl, room)).getText('notes').toString()).toMatch(/^after;before;/);
  });
});
