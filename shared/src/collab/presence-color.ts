/** Caret and avatar colours; six-digit hex (Tiptap's caret extension needs it). */
const PALETTE = ['#c2255c', '#1971c2', '#2f9e44', '#e8590c', '#6741d9', '#0c8599', '#d6336c', '#5c940d'] as const;

/**
 * A stable colour per user: the client paints avatars and carets with it, and the collab server
 * stamps it on each peer's presence (a peer cannot choose its own).
 */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}
