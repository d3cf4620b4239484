/** One message ready for a provider: rendered, with the provider template name and its values. */
export interface OutgoingMessage {
  outboxId: string;
  recipient: string;
  /** A template send (WhatsApp outside the service window, every automatic message) … */
  template: { providerName: string; language: string; values: string[] } | null;
  /** … or free text (inbox replies inside the 24-hour window). */
  subject: string | null;
  text: string;
}

export type SendResult =
  | { ok: true; providerMessageId: string | null }
  | {
      ok: false;
      /** 429/5xx/network: try again later. Anything else will not get better by retrying. */
      retryable: boolean;
      error: string;
      /** The provider said to slow down; hold the channel for this long. */
      rateLimitedForMs?: number;
    };

export interface ChannelAdapter {
  /** meta | interakt | smtp | web_push */
  provider: string;
  send(m: OutgoingMessage): Promise<SendResult>;
}

/** Turns a failed HTTP answer into a result: 429 and 5xx are retried, other 4xx are final. */
export function httpFailure(provider: string, status: number, detail: string, retryAfter: string | null): SendResult {
  const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 60_000;
  if (status === 429)
    return { ok: false, retryable: true, error: `${provider} 429: ${detail}`, rateLimitedForMs: retryAfterMs };
  return { ok: false, retryable: status >= 500, error: `${provider} ${status}: ${detail}` };
}

export function networkFailure(provider: string, err: unknown): SendResult {
  return {
    ok: false,
    retryable: true,
    error: `${provider} unreachable: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** Aborts a provider call that hangs. */
export const PROVIDER_TIMEOUT_MS = 15_000;
