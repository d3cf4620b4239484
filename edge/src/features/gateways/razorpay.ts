import { AppError } from '../../lib/errors.ts';

/** A payment link to ask for. */
export interface PaymentLinkRequest {
  /** Our payment_links id: the reference and a note, so webhooks find the link. */
  linkId: string;
  milestoneId: string;
  amountMinor: number;
  currency: string;
  description: string;
  customer: { name: string; email: string | null; phone: string | null };
  callbackUrl: string;
}

export interface CreatedLink {
  providerLinkId: string;
  url: string;
}

export interface PaymentLinkProvider {
  createLink(req: PaymentLinkRequest): Promise<CreatedLink>;
}

/**
 * Razorpay Payment Links (POST /v1/payment_links, basic auth with the key id and secret).
 * Partial payments are allowed; Razorpay's own SMS/email are off (we send through the outbox).
 */
export function razorpayLinks(cfg: { keyId: string; keySecret: string; baseUrl: string }): PaymentLinkProvider {
  return {
    async createLink(req) {
      const res = await fetch(`${cfg.baseUrl}/v1/payment_links`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${cfg.keyId}:${cfg.keySecret}`)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          amount: req.amountMinor,
          currency: req.currency,
          accept_partial: true,
          description: req.description.slice(0, 2048),
          reference_id: req.linkId.slice(0, 40),
          customer: {
            name: req.customer.name,
            ...(req.customer.email ? { email: req.customer.email } : {}),
            ...(req.customer.phone ? { contact: req.customer.phone } : {}),
          },
          notify: { sms: false, email: false },
          reminder_enable: false,
          notes: { mandap_link_id: req.linkId, milestone_id: req.milestoneId },
          callback_url: req.callbackUrl,
          callback_method: 'get',
        }),
      });
      const body = (await res.json().catch(() => ({}))) as {
        id?: string;
        short_url?: string;
        error?: { description?: string };
      };
      if (!res.ok || !body.id || !body.short_url)
        throw new AppError(
          'unprocessable',
          `Razorpay refused the payment link (${res.status}): ${body.error?.description ?? 'no reason given'}.`,
        );
      return { providerLinkId: body.id, url: body.short_url };
    },
  };
}
