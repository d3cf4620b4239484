import { createServer } from 'node:http';
import { RAZORPAY_E2E, razorpayPort } from './razorpay-e2e.ts';

/**
 * A local stand-in for Razorpay's Payment Links API (POST /v1/payment_links), for browser tests
 * on a machine with no internet. It checks the request shape the real API requires (basic auth
 * with the key id and secret, an integer amount in paise, a currency, a reference id) and
 * answers like Razorpay: { id: "plink_…", short_url, status: "created" }. Anything else is a 400
 * with Razorpay's error shape, so a malformed request fails the test instead of passing.
 */
const port = razorpayPort(Number(process.env.E2E_PORT ?? 4599));
const auth = `Basic ${Buffer.from(`${RAZORPAY_E2E.keyId}:${RAZORPAY_E2E.keySecret}`).toString('base64')}`;
let n = 0;

const refuse = (description: string) => JSON.stringify({ error: { code: 'BAD_REQUEST_ERROR', description } });

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/v1/payment_links') {
    res.writeHead(404, { 'content-type': 'application/json' }).end(refuse('no such endpoint'));
    return;
  }
  let raw = '';
  req.on('data', (c: Buffer) => {
    raw += c.toString('utf8');
  });
  req.on('end', () => {
    if (req.headers.authorization !== auth) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(refuse('authentication failed'));
      return;
    }
    let body: { amount?: unknown; currency?: unknown; reference_id?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(refuse('body is not JSON'));
      return;
    }
    const amountOk = Number.isSafeInteger(body.amount) && (body.amount as number) >= 100;
    if (!amountOk || typeof body.currency !== 'string' || typeof body.reference_id !== 'string') {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(refuse('amount (integer paise, at least 100), currency and reference_id are required'));
      return;
    }
    n += 1;
    const id = `plink_e2e${String(n).padStart(4, '0')}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ id, short_url: `http://127.0.0.1:${port}/rzp/${id}`, status: 'created', amount: body.amount }),
      );
  });
}).listen(port, '127.0.0.1');
