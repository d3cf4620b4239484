import type { DomainEventName, DomainEventPayload } from '@mandap/shared/journal';
import { type MessagePrices, MOMENTS, type TemplateCategory } from '@mandap/shared/notifications';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notificationSettings } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';

const PRICES_KEY = 'prices';
const momentKey = (k: string) => `moment:${k}`;

/** Indicative Meta prices for India per delivered template (paise) until finance sets its own. */
export const DEFAULT_PRICES: MessagePrices = { utility: 12, marketing: 88, authentication: 12 };

export interface NotificationSettings {
  disabled: Set<string>;
  prices: MessagePrices;
}

/** The moment switches (off when a row says so) and the per-category prices. */
export async function loadSettings(db: DbOrTx): Promise<NotificationSettings> {
  const rows = await db
    .select()
    .from(notificationSettings)
    .where(inArray(notificationSettings.key, [PRICES_KEY, ...MOMENTS.map((m) => momentKey(m.key))]));
  const disabled = new Set<string>();
  let prices = DEFAULT_PRICES;
  for (const r of rows) {
    if (r.key === PRICES_KEY) prices = { ...DEFAULT_PRICES, ...(r.value as Partial<MessagePrices>) };
    else if (r.value.enabled === false) disabled.add(r.key.slice('moment:'.length));
  }
  return { disabled, prices };
}

export function priceOf(s: NotificationSettings, category: TemplateCategory): number {
  return s.prices[category];
}

type SettingsEvent = DomainEventName<'notifications.moment_switched' | 'notifications.prices_set'>;

async function put<T extends SettingsEvent>(
  deps: Deps,
  viewer: Viewer,
  key: string,
  value: DomainEventPayload<T> & Record<string, unknown>,
  type: T,
) {
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(notificationSettings)
      .values({ key, value, updatedBy: viewer.id, updatedAt: at.toISOString() })
      .onConflictDoUpdate({
        target: notificationSettings.key,
        set: { value, updatedBy: viewer.id, updatedAt: at.toISOString() },
      });
    await recordChange<T>(tx, {
      type,
      aggregateType: 'settings',
      aggregateId: key,
      payload: value,
      actorId: viewer.id,
      at,
      audit: { before: null, after: value },
    });
  });
}

export async function setMomentEnabled(deps: Deps, viewer: Viewer, key: string, enabled: boolean) {
  if (!MOMENTS.some((m) => m.key === key)) throw new AppError('not_found', `There is no moment called ${key}.`);
  await put(deps, viewer, momentKey(key), { enabled }, 'notifications.moment_switched');
}

export async function setPrices(deps: Deps, viewer: Viewer, prices: MessagePrices) {
  await put(deps, viewer, PRICES_KEY, { ...prices }, 'notifications.prices_set');
}
