/**
 * Loaded into a bench server with `node --expose-gc --import ./bench/servers/heap-probe.mjs`
 * (bench/lib/collab.ts, `heapProbe`): on the IPC message "heap" it collects garbage fully and
 * answers with `process.memoryUsage()`, so the idle-memory bench compares what each server holds
 * on its heap, not where its RSS happens to stand. Changes nothing else in the server.
 */
process.on('message', (msg) => {
  if (msg !== 'heap' || !process.send) return;
  // Twice: the first pass can leave objects held by finalizers of the ones it freed.
  globalThis.gc?.();
  globalThis.gc?.();
  process.send({ heap: process.memoryUsage() });
});
// The IPC channel must not keep a server alive that would otherwise exit.
process.channel?.unref();
