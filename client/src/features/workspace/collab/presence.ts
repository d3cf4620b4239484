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
