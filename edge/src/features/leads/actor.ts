import { type AppContext, originOf, viewerOf } from '../../lib/context.ts';
import type { Actor } from '../../lib/journal.ts';

/** The signed-in person and where the request came from, for the journal. */
export function actorOf(c: AppContext): Actor {
  const origin = originOf(c);
  return { actorId: viewerOf(c).id, ip: origin.ip, requestId: origin.requestId };
}
