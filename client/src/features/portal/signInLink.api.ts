import { ZSession } from '@mandap/shared';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';
import { finishPendingLogout, setSession } from '../../api/session.ts';

const ZSent = z.object({
  sent: z.array(z.object({ email: z.string(), whatsapp: z.string().nullable() })),
  expiresInMinutes: z.number(),
});

/** Staff: send the event's client a one-time sign-in link (email, and WhatsApp to the client's phone). */
export function useSendSignInLink(eventId: string) {
  return useMutation({
    mutationFn: () => api(`/api/portal/events/${eventId}/sign-in-link`, { method: 'POST', schema: ZSent }),
  });
}

/** A client: trade the link's token for a session, once. */
export async function redeemSignInLink(token: string) {
  await finishPendingLogout();
  const session = await api('/api/portal/sign-in/redeem', {
    method: 'POST',
    body: { token },
    schema: ZSession,
    auth: false,
  });
  setSession(session);
  return session;
}
