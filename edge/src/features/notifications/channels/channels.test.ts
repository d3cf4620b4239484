import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviderStandIn } from '../testing/provider-stand-in.ts';
import { smtpEmail } from './email-smtp.ts';
import { interaktWhatsApp } from './whatsapp-interakt.ts';

const message = {
  outboxId: '0193aaaa-0000-7000-8000-000000000001',
  recipient: '+919820012345',
  template: {
    providerName: 'payment_link',
    language: 'en',
    values: ['Asha', 'Advance', '₹5,000.00', 'https://rzp.io/l/x'],
  },
  subject: 'Payment link: Advance',
  text: 'Namaste Asha, here is the payment link for Advance (₹5,000.00): https://rzp.io/l/x',
};

describe('Interakt adapter', () => {
  it('posts the documented public message body with Basic auth and keeps the message id', async () => {
    const standIn = await startProviderStandIn(() => ({
      status: 201,
      body: { result: true, message: 'Message created successfully', id: 'ik-123' },
    }));
    try {
      const r = await interaktWhatsApp({ baseUrl: standIn.url, apiKey: 'aW50ZXJha3Qta2V5' }).send(message);
      expect(r).toEqual({ ok: true, providerMessageId: 'ik-123' });
      const req = standIn.seen[0]!;
      expect(req.path).toBe('/v1/public/message/');
      expect(req.headers.authorization).toBe('Basic aW50ZXJha3Qta2V5');
      expect(req.body).toEqual({
        countryCode: '+91',
        phoneNumber: '9820012345',
        callbackData: message.outboxId,
        type: 'Template',
        template: { name: 'payment_link', languageCode: 'en', bodyValues: message.template.values },
      });
      await interaktWhatsApp({ baseUrl: standIn.url, apiKey: 'aW50ZXJha3Qta2V5' }).send({
        ...message,
        template: null,
        text: 'Hello',
      });
      expect(standIn.seen[1]!.body).toMatchObject({ type: 'Text', data: { message: 'Hello' } });
    } finally {
      await standIn.close();
    }
  });

  it('treats 5xx as retryable and a refused request as final', async () => {
    let status = 502;
    const standIn = await startProviderStandIn(() => ({
      status,
      body: { result: false, message: 'Invalid template' },
    }));
    try {
      const adapter = interaktWhatsApp({ baseUrl: standIn.url, apiKey: 'aW50ZXJha3Qta2V5' });
      expect(await adapter.send(message)).toMatchObject({ ok: false, retryable: true });
      status = 400;
      expect(await adapter.send(message)).toEqual({
        ok: false,
        retryable: false,
        error: 'interakt 400: Invalid template',
      });
    } finally {
      await standIn.close();
    }
  });
});

describe('SMTP email adapter', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  let refuse = false;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, cb) {
        if (refuse) return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('delivers a rendered email to a real SMTP server', async () => {
    const mail = smtpEmail({ url: `smtp://127.0.0.1:${port}`, from: 'Gulmohar Events <no-reply@gulmohar.test>' });
    const r = await mail.send({ ...message, recipient: 'asha@example.com', template: null });
    expect(r.ok).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.from).toBe('no-reply@gulmohar.test');
    expect(received[0]!.to).toEqual(['asha@example.com']);
    expect(received[0]!.data).toContain('Subject: Payment link: Advance');
    expect(received[0]!.data).toContain(`X-Mandap-Outbox-ID: ${message.outboxId}`);
  });

  it('a 5xx refusal is final; an unreachable server is retried', async () => {
    refuse = true;
    const mail = smtpEmail({ url: `smtp://127.0.0.1:${port}`, from: 'no-reply@gulmohar.test' });
    expect(await mail.send({ ...message, recipient: 'nobody@example.com' })).toMatchObject({
      ok: false,
      retryable: false,
    });
    refuse = false;
    const down = smtpEmail({ url: 'smtp://127.0.0.1:9', from: 'no-reply@gulmohar.test' });
    expect(await down.send({ ...message, recipient: 'asha@example.com' })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });
});
