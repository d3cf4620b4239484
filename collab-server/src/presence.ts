/**
 * Presence (awareness) is the peer's own business, within limits: it may set only the client ids
 * it owns, the identity shown (`user.id`, `user.name`, `user.color`) comes from its token, a state
 * has a size cap, and a read-only peer's state is reduced to that identity.
 */
import { colorFor } from '@mandap/shared/collab';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection is, as far as presence goes. */
export interface PresenceOwner {
  userId: string;
  name: string;
  readOnly: boolean;
  /** Client ids this connection controls. */
  awarenessIds: Set<number>;
}

/** At most this many client ids per connection (one Y.Doc per provider; a little slack). */
export const MAX_IDS_PER_PEER = 2;

export interface PresenceEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export function decodeAwareness(update: Uint8Array): { clientId: number; clock: number; json: string }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const out: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    out.push({ clientId, clock, json: decoding.readVarString(decoder) });
  }
  return out;
}

export function encodeAwarenessEntries(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

export interface SanitizeResult {
  /** Entries to apply (re-encoded), or null when nothing is left. */
  update: Uint8Array | null;
  /** Why entries were dropped (for the log and the tests). */
  dropped: string[];
}

/**
 * Keeps only the entries `peer` may set, rewritten: the identity from the token, the state capped.
 * `owners` maps client ids to the connection owning them in this document.
 */
export function sanitizeAwareness(
  peer: PresenceOwner,
  update: Uint8Array,
  owners: Map<number, PresenceOwner>,
  maxStateBytes: number,
): SanitizeResult {
  const kept: PresenceEntry[] = [];
  const dropped: string[] = [];
  for (const e of decodeAwareness(update)) {
    const owner = owners.get(e.clientId);
    if (owner && owner !== peer && owner.userId !== peer.userId) {
      dropped.push(`client ${e.clientId} belongs to another peer`);
      continue;
    }
    if (!owner && !peer.awarenessIds.has(e.clientId) && peer.awarenessIds.size >= MAX_IDS_PER_PEER) {
      dropped.push(`more than ${MAX_IDS_PER_PEER} client ids`);
      continue;
    }
    if (e.json.length > maxStateBytes) {
      dropped.push(`state of ${e.json.length} bytes is over ${maxStateBytes}`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.json);
    } catch {
      dropped.push('state is not JSON');
      continue;
    }
    if (parsed === null) {
      kept.push({ clientId: e.clientId, clock: e.clock, state: null });
      continue;
    }
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      dropped.push('state is not an object');
      continue;
    }
    kept.push({ clientId: e.clientId, clock: e.clock, state: sanitizeState(peer, parsed as Record<string, unknown>) });
  }
  return { update: kept.length > 0 ? encodeAwarenessEntries(kept) : null, dropped };
}

function sanitizeState(peer: PresenceOwner, state: Record<string, unknown>): Record<string, unknown> {
  const claimed = state.user && typeof state.user === 'object' ? (state.user as Record<string, unknown>) : {};
  const focus = typeof claimed.focus === 'string' && claimed.focus.length <= 200 ? claimed.focus : null;
  const user = { id: peer.userId, name: peer.name, color: colorFor(peer.userId), focus };
  // A read-only peer is shown (who is looking), nothing else it sends is passed on.
  if (peer.readOnly) return { user };
  return { ...state, user };
}
