import { useMutation } from '@tanstack/react-query';
import { call, edge, publicEdge } from '../../api/rpc.ts';
import { finishPendingLogout, setSession } from '../../api/session.ts';

/** Staff: send the event's client a one-time sign-in link (email, and WhatsApp to the client's phone). */
export function useSendSignInLink(eventId: string) {
  return useMutation({
    mutationFn: () => call(edge.portal.events[':id']['sign-in-link'].$post({ param: { id: eventId } })),
  });
}

/** A client: trade the link's token for a session, once. */
export async function redeemSignInLink(token: string) {
  await finishPendingLogout();
  const session = await call(publicEdge.portal['sign-in'].redeem.$post({ json: { token } }));
  setSession(session);
  return session;
}
