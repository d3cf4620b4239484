/** Caret and avatar colours; six-digit hex (Tiptap's caret extension needs it). */
const PALETTE = ['#c2255c', '#1971c2', '#2f9e44', '#e8590c', '#6741d9', '#0c8599', '#d6336c', '#5c940d'] as const;

/** A stable colour per user. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] as string;
}

/** What each open tab tells the others through awareness. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
  /** Which part the person is looking at (a checklist id, a task id), if any. */
  focus?: string | null;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
}
