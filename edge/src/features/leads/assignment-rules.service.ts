import { newId } from '@mandap/shared/common';
import type { DomainEventType } from '@mandap/shared/journal';
import type { AssignmentRuleView, ZAssignmentRuleInput } from '@mandap/shared/leads';
import { asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { leadAssignmentRules, users } from '../../db/schema/index.ts';
import type { Deps } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type Actor, recordChange } from '../../lib/journal.ts';
import { assertHouseEventType } from './event-types.service.ts';

type RuleInput = z.output<typeof ZAssignmentRuleInput>;

/** The rules in the order they are tried. */
export async function listRules(db: DbOrTx): Promise<AssignmentRuleView[]> {
  return db
    .select({
      id: leadAssignmentRules.id,
      position: leadAssignmentRules.position,
      ownerId: leadAssignmentRules.ownerId,
      ownerName: users.name,
      source: leadAssignmentRules.source,
      city: leadAssignmentRules.city,
      eventType: leadAssignmentRules.eventType,
    })
    .from(leadAssignmentRules)
    .leftJoin(users, eq(users.id, leadAssignmentRules.ownerId))
    .orderBy(asc(leadAssignmentRules.position));
}

async function checkOwner(db: DbOrTx, ownerId: string) {
  const [owner] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, ownerId));
  // Rules route to sales people only: the assigner ignores a rule whose owner is not active sales.
  if (owner?.status !== 'active' || owner.role !== 'sales')
    throw new AppError('unprocessable', 'A rule can only send leads to an active sales person.', {
      fields: { ownerId: 'not an active sales person' },
    });
}

function journal(
  tx: DbOrTx,
  type: DomainEventType,
  id: string,
  actor: Actor,
  at: Date,
  before: unknown,
  after: unknown,
) {
  return recordChange(tx, {
    type,
    aggregateType: 'lead_assignment_rule',
    aggregateId: id,
    actorId: actor.actorId,
    at,
    audit: {
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
    },
  });
}

/** Adds a rule at the end of the list. */
export async function createRule(deps: Deps, input: RuleInput, actor: Actor): Promise<AssignmentRuleView[]> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await checkOwner(tx, input.ownerId);
    await assertHouseEventType(tx, input.eventType);
    const [last] = await tx.select({ p: max(leadAssignmentRules.position) }).from(leadAssignmentRules);
    const row = { id: newId(), position: (last?.p ?? 0) + 1, ...input, createdAt: now.toISOString() };
    await tx.insert(leadAssignmentRules).values(row);
    await journal(tx, 'lead_assignment_rule.created', row.id, actor, now, null, row);
  });
  return listRules(deps.db);
}

export async function updateRule(deps: Deps, id: string, input: RuleInput, actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(leadAssignmentRules).where(eq(leadAssignmentRules.id, id));
    if (!before) throw notFound('That assignment rule');
    await checkOwner(tx, input.ownerId);
    await assertHouseEventType(tx, input.eventType);
    await tx.update(leadAssignmentRules).set(input).where(eq(leadAssignmentRules.id, id));
    await journal(tx, 'lead_assignment_rule.updated', id, actor, now, before, { ...before, ...input });
  });
  return listRules(deps.db);
}

export async function deleteRule(deps: Deps, id: string, actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(leadAssignmentRules).where(eq(leadAssignmentRules.id, id));
    if (!before) throw notFound('That assignment rule');
    await tx.delete(leadAssignmentRules).where(eq(leadAssignmentRules.id, id));
    await journal(tx, 'lead_assignment_rule.deleted', id, actor, now, before, null);
  });
  return listRules(deps.db);
}

/** Puts the rules in the given order; the list must name every rule exactly once. */
export async function reorderRules(deps: Deps, ids: string[], actor: Actor) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const current = await listRules(tx);
    const known = new Set(current.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((i) => known.has(i)))
      throw new AppError(
        'unprocessable',
        'Send every rule id exactly once, in the new order (the list changed: reload it).',
        {
          fields: { ids: 'must list every rule once' },
        },
      );
    for (const [i, id] of ids.entries())
      await tx
        .update(leadAssignmentRules)
        .set({ position: i + 1 })
        .where(eq(leadAssignmentRules.id, id));
    await recordChange(tx, {
      type: 'lead_assignment_rule.reordered',
      aggregateType: 'lead_assignment_rule',
      aggregateId: ids[0]!,
      payload: { ids },
      actorId: actor.actorId,
      at: now,
      audit: {
        before: { ids: current.map((r) => r.id) },
        after: { ids },
        ip: actor.ip ?? null,
        requestId: actor.requestId ?? null,
      },
    });
  });
  return listRules(deps.db);
}
