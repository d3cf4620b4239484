import { parsePhoneNumberWithError } from 'libphonenumber-js';
import {
  type ChannelAdapter,
  httpFailure,
  networkFailure,
  type OutgoingMessage,
  PROVIDER_TIMEOUT_MS,
} from './types.ts';

/** Interakt's public message body: country code and national number apart, template values by position. */
export function interaktMessageBody(m: OutgoingMessage) {
  const phone = parsePhoneNumberWithError(m.recipient);
  const who = { countryCode: `+${phone.countryCallingCode}`, phoneNumber: String(phone.nationalNumber) };
  if (m.template)
    return {
      ...who,
      callbackData: m.outboxId,
      type: 'Template',
      template: { name: m.template.providerName, languageCode: m.template.language, bodyValues: m.template.values },
    };
  return { ...who, callbackData: m.outboxId, type: 'Text', data: { message: m.text } };
}

/** WhatsApp through Interakt: POST {base}/v1/public/message/ with the secret key as Basic auth. */
export function interaktWhatsApp(cfg: { baseUrl: string; apiKey: string }): ChannelAdapter {
  const url = `${cfg.baseUrl.replace(/\/$/, '')}/v1/public/message/`;
  return {
    provider: 'interakt',
    async send(m) {
      let body: ReturnType<typeof interaktMessageBody>;
      try {
        body = interaktMessageBody(m);
      } catch {
        return { ok: false, retryable: false, error: `interakt: ${m.recipient} is not a phone number` };
      }
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Basic ${cfg.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (err) {
        return networkFailure('interakt', err);
      }
      const answer = (await res.json().catch(() => ({}))) as { result?: boolean; message?: string; id?: string };
      if (res.ok && answer.result !== false) return { ok: true, providerMessageId: answer.id ?? null };
      return httpFailure(
        'interakt',
        res.ok ? 400 : res.status,
        answer.message ?? res.statusText,
        res.headers.get('retry-after'),
      );
    },
  };
}
