import Stripe from 'stripe';
import { AppError } from '../../lib/errors.ts';
import type { PaymentLinkProvider } from './razorpay.ts';

function client(secretKey: string, baseUrl: string) {
  const u = new URL(baseUrl);
  return new Stripe(secretKey, {
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
    protocol: u.protocol.replace(':', '') as 'http' | 'https',
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
  });
}

/**
 * Stripe Checkout for foreign-currency clients: one session per milestone, the link's id in
 * metadata (and client_reference_id) so the webhook finds it.
 */
export function stripeCheckout(cfg: { secretKey: string; baseUrl: string }): PaymentLinkProvider {
  const stripe = client(cfg.secretKey, cfg.baseUrl);
  return {
    async createLink(req) {
      try {
        const s = await stripe.checkout.sessions.create({
          mode: 'payment',
          client_reference_id: req.linkId,
          metadata: { mandap_link_id: req.linkId, milestone_id: req.milestoneId },
          payment_intent_data: { metadata: { mandap_link_id: req.linkId } },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: req.currency.toLowerCase(),
                unit_amount: req.amountMinor,
                product_data: { name: req.description.slice(0, 250) },
              },
            },
          ],
          ...(req.customer.email ? { customer_email: req.customer.email } : {}),
          success_url: req.callbackUrl,
          cancel_url: req.callbackUrl,
        });
        if (!s.url) throw new Error('no url in the session');
        return { providerLinkId: s.id, url: s.url };
      } catch (err) {
        throw new AppError('unprocessable', `Stripe refused the checkout session: ${(err as Error).message}.`);
      }
    },
  };
}

/** Verifies a Stripe webhook over the raw body (async form: the sync one throws on Workers and Deno). */
export async function verifyStripeEvent(raw: string, signature: string, secret: string) {
  return Stripe.webhooks.constructEventAsync(raw, signature, secret);
}
