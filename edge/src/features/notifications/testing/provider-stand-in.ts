import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * A local HTTP server standing in for a WhatsApp provider (Meta Cloud API or Interakt).
 * It records every request and answers with `answer(req)`; by default a Cloud API success.
 */
export async function startProviderStandIn(
  answer?: (req: SeenRequest, n: number) => Answer | Promise<Answer>,
  port = 0,
) {
  const seen: SeenRequest[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = { unparsable: true };
      }
      const r: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      seen.push(r);
      n += 1;
      const a = answer
        ? await answer(r, n)
        : { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.${n}` }] } };
      res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
      res.end(JSON.stringify(a.body));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
