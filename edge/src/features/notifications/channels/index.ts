import type { Env } from '../../../env.ts';
import { smtpEmail } from './email-smtp.ts';
import type { ChannelAdapter } from './types.ts';
import { interaktWhatsApp } from './whatsapp-interakt.ts';
import { metaWhatsApp } from './whatsapp-meta.ts';

export interface Channels {
  whatsapp: ChannelAdapter | null;
  email: ChannelAdapter | null;
}

const cache = new WeakMap<Env, Channels>();

/** The configured providers; a channel without configuration is null and its messages are recorded as not sent. */
export function channelsOf(env: Env): Channels {
  let c = cache.get(env);
  if (!c) {
    c = {
      whatsapp: whatsappOf(env),
      email: env.SMTP_URL ? smtpEmail({ url: env.SMTP_URL, from: env.SMTP_FROM }) : null,
    };
    cache.set(env, c);
  }
  return c;
}

function whatsappOf(env: Env): ChannelAdapter | null {
  if (env.WHATSAPP_PROVIDER === 'meta' && env.WHATSAPP_PHONE_NUMBER_ID && env.WHATSAPP_ACCESS_TOKEN)
    return metaWhatsApp({
      baseUrl: env.WHATSAPP_API_URL,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
      accessToken: env.WHATSAPP_ACCESS_TOKEN,
    });
  if (env.WHATSAPP_PROVIDER === 'interakt' && env.INTERAKT_API_KEY)
    return interaktWhatsApp({ baseUrl: env.INTERAKT_API_URL, apiKey: env.INTERAKT_API_KEY });
  return null;
}

/** Why a channel cannot send, as recorded on the message. */
export const NO_PROVIDER = {
  whatsapp: 'not sent: no WhatsApp provider configured',
  email: 'not sent: no email (SMTP) server configured',
  sms: 'not sent: no SMS provider configured',
} as const;
