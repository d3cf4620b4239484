import { BUILT_IN_EVENT_TYPES, eventTypeKeyOf, type HouseEventType } from '@mandap/shared/events';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { houseEventTypes } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

/** The house list: the built-in event types, then those the house added, by name. */
export async function listHouseEventTypes(db: DbOrTx): Promise<HouseEventType[]> {
  const added = await db
    .select({ key: houseEventTypes.key, label: houseEventTypes.label })
    .from(houseEventTypes)
    .orderBy(asc(houseEventTypes.label));
  return [...BUILT_IN_EVENT_TYPES, ...added.map((t) => ({ ...t, builtIn: false }))];
}

/** Adds an event type to the house list; one that is already there (by key or name) is refused with a 409. */
export async function addHouseEventType(deps: Deps, label: string, actorId: string | null): Promise<HouseEventType[]> {
  const key = eventTypeKeyOf(label);
  if (!key)
    throw new AppError('validation_failed', 'Use letters in the name.', {
      fields: { label: 'use letters, e.g. Tilak' },
    });
  await deps.db.transaction(async (tx) => {
    const existing = (await listHouseEventTypes(tx)).find((t) => t.key === key);
    if (existing) throw new AppError('conflict', `"${existing.label}" is already in the list of event types.`);
    await tx.insert(houseEventTypes).values({ key, label, createdBy: actorId, createdAt: deps.now().toISOString() });
  });
  return listHouseEventTypes(deps.db);
}

/** Refuses an event type that is not in the house list (400, the field named, nothing changed). */
export async function assertHouseEventType(db: DbOrTx, key: string | null | undefined, field = 'eventType') {
  if (!key || BUILT_IN_EVENT_TYPES.some((t) => t.key === key)) return;
  const [row] = await db.select({ key: houseEventTypes.key }).from(houseEventTypes).where(eq(houseEventTypes.key, key));
  if (!row)
    throw new AppError('validation_failed', `"${key}" is not in the house list of event types.`, {
      fields: { [field]: 'not in the house list; add it under Settings → Event types' },
    });
}
