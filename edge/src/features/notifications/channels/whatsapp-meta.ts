import {
  type ChannelAdapter,
  httpFailure,
  networkFailure,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
} from './types.ts';

/** Cloud API error codes that mean "slow down" rather than "this message is wrong". */
const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);

interface MetaError {
  error?: { message?: string; code?: number; error_data?: { details?: string } };
}

/** The Cloud API message body: a template with its body parameters, or free text. */
export function metaMessageBody(m: OutgoingMessage) {
  const to = m.recipient.replace(/^\+/, '');
  if (m.template)
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: m.template.providerName,
        language: { code: m.template.language },
        components:
          m.template.values.length > 0
            ? [{ type: 'body', parameters: m.template.values.map((text) => ({ type: 'text', text })) }]
            : [],
      },
    };
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'text',
    text: { preview_url: false, body: m.text },
  };
}

/** WhatsApp through Meta's Cloud API: POST {base}/{phone-number-id}/messages with a bearer token. */
export function metaWhatsApp(cfg: { baseUrl: string; phoneNumberId: string; accessToken: string }): ChannelAdapter {
  const url = `${cfg.baseUrl.replace(/\/$/, '')}/${encodeURIComponent(cfg.phoneNumberId)}/messages`;
  return {
    provider: 'meta',
    async send(m) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${cfg.accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(metaMessageBody(m)),
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (err) {
        return networkFailure('meta', err);
      }
      const body = (await res.json().catch(() => ({}))) as MetaError & { messages?: { id?: string }[] };
      if (res.ok) return { ok: true, providerMessageId: body.messages?.[0]?.id ?? null };
      const e = body.error;
      const detail = `${e?.message ?? res.statusText}${e?.code ? ` (code ${e.code})` : ''}${e?.error_data?.details ? `: ${e.error_data.details}` : ''}`;
      if (e?.code && RATE_LIMIT_CODES.has(e.code))
        return httpFailure('meta', 429, detail, res.headers.get('retry-after'));
      return httpFailure('meta', res.status, detail, res.headers.get('retry-after'));
    },
  };
}
