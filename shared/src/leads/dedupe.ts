/** What de-duplication looks at: a lead's normalised phone (E.164) and lower-cased email. */
export interface ContactFacts {
  phone: string | null | undefined;
  email: string | null | undefined;
}

/**
 * The keys that identify a person: `phone:+919820012345`, `email:asha@example.com`.
 * Two leads sharing any key are the same person. Inputs must already be normalised.
 */
export function dedupeKeys(contact: ContactFacts): string[] {
  const keys: string[] = [];
  if (contact.phone) keys.push(`phone:${contact.phone}`);
  if (contact.email) keys.push(`email:${contact.email.trim().toLowerCase()}`);
  return keys;
}

/**
 * Marks rows that repeat an earlier row in the same batch. Returns, for each index, the index
 * of the first row it repeats, or null for the first occurrence.
 */
export function findRepeats(rows: readonly ContactFacts[]): (number | null)[] {
  const firstSeen = new Map<string, number>();
  return rows.map((row, i) => {
    const keys = dedupeKeys(row);
    const earlier = keys.map((k) => firstSeen.get(k)).find((v) => v !== undefined);
    for (const k of keys) if (!firstSeen.has(k)) firstSeen.set(k, i);
    return earlier ?? null;
  });
}
