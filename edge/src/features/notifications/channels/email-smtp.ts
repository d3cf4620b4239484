import type { ChannelAdapter } from './types.ts';

/** True on Cloudflare Workers, which cannot open raw TCP for SMTP from this client. */
export const isWorkersRuntime = () =>
  typeof navigator !== 'undefined' && (navigator as { userAgent?: string }).userAgent === 'Cloudflare-Workers';

/**
 * Email over SMTP with nodemailer (Node and Deno). SMTP reply codes 4xx are temporary and
 * retried; 5xx (unknown mailbox, refused) are final. Loaded on first use.
 */
export function smtpEmail(cfg: { url: string; from: string }): ChannelAdapter {
  let transport: Promise<import('nodemailer').Transporter> | null = null;
  const open = async () => {
    const nodemailer = await import('nodemailer');
    return nodemailer.createTransport(cfg.url);
  };
  return {
    provider: 'smtp',
    async send(m) {
      if (isWorkersRuntime())
        return { ok: false, retryable: false, error: 'not sent: SMTP email cannot be sent from Cloudflare Workers' };
      try {
        transport ??= open();
        const info = await (await transport).sendMail({
          from: cfg.from,
          to: m.recipient,
          subject: m.subject ?? 'A message from Gulmohar Events',
          text: m.text,
          headers: { 'X-Mandap-Outbox-Id': m.outboxId },
        });
        return { ok: true, providerMessageId: info.messageId ?? null };
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        const code = e.responseCode;
        return {
          ok: false,
          retryable: code === undefined || code < 500,
          error: `smtp${code ? ` ${code}` : ''}: ${e.message ?? String(err)}`,
        };
      }
    },
  };
}
