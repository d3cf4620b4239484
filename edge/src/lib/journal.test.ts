import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadHistory } from '../features/leads/lead-history.service.ts';
import { startTestApp, type TestApp } from '../test-support.ts';
import { recordChange, recordChanges } from './journal.ts';

let t: TestApp;
let leadId: string;

beforeAll(async () => {
  t = await startTestApp();
  const sales = await t.login('sales@mandap.demo');
  const res = await t.json('POST', '/api/leads', { name: 'Journal Test', phone: '9811122233' }, sales.auth);
  expect(res.status).toBe(201);
  leadId = ((await res.json()) as { lead: { id: string } }).lead.id;
});
afterAll(() => t.cleanup());

describe('the journal', () => {
  it('links each audit entry to its own domain event, even two of one name at one instant', async () => {
    const at = t.clock.now();
    await t.deps.db.transaction(async (tx) => {
      for (const [before, after] of [
        [1, 2],
        [2, 3],
      ])
        await recordChange(tx, {
          ...budgetEdited(at),
          audit: { before: { budgetMinor: before }, after: { budgetMinor: after } },
        });
    });
    const updates = (await leadHistory(t.deps, leadId)).filter((h) => h.type === 'lead.updated');
    // Joined on `type@timestamp`, both rows would carry the same audit; joined by id each keeps its own.
    expect(updates.map((h) => [h.before, h.after])).toEqual([
      [{ budgetMinor: 1 }, { budgetMinor: 2 }],
      [{ budgetMinor: 2 }, { budgetMinor: 3 }],
    ]);
  });

  it('writes many changes in bulk (an import) with every audit entry pointing at its event', async () => {
    const n = 450; // more than one insert's worth of rows
    const ids = await t.deps.db.transaction((tx) =>
      recordChanges(
        tx,
        Array.from({ length: n }, (_, i) => ({
          type: 'lead.import_undone' as const,
          aggregateType: 'bulk-test',
          aggregateId: `b${i}`,
          payload: { batchId: 'bulk-test', fileName: 'bulk.csv', line: i },
          actorId: null,
          at: t.clock.now(),
          audit: i % 2 === 0 ? { before: { i }, after: null } : undefined,
        })),
      ),
    );
    expect(new Set(ids).size).toBe(n);
    const rs = await t.deps.db.$client.execute(
      `SELECT count(*) AS events,
              (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'bulk-test') AS audits,
              (SELECT count(*) FROM audit_log a JOIN event_log e ON e.id = a.event_id
                WHERE a.entity_type = 'bulk-test' AND e.aggregate_id = a.entity_id) AS linked
         FROM event_log WHERE aggregate_type = 'bulk-test'`,
    );
    expect(rs.rows[0]).toMatchObject({ events: n, audits: n / 2, linked: n / 2 });
  });

  it('takes only names from the catalogue: tsc refuses another, and so does the writer', async () => {
    const write = t.deps.db.transaction((tx) =>
      recordChange(tx, {
        // @ts-expect-error not a domain event in shared/src/journal/domain-events.ts
        type: 'lead.snoozed_forever',
        aggregateType: 'lead',
        aggregateId: leadId,
        actorId: null,
        at: t.clock.now(),
      }),
    );
    await expect(write).rejects.toMatchObject({ code: 'internal', status: 500 });
    expect(await journalRows('lead.snoozed_forever')).toBe(0);
  });

  it('refuses a payload that does not fit its schema, and the change with it', async () => {
    const before = await journalRows('lead.updated');
    const write = t.deps.db.transaction(async (tx) => {
      await recordChange(tx, budgetEdited(t.clock.now()));
      // A cast hides the mistake from tsc (as a spread of unknown data would): the writer still sees it.
      await recordChange(tx, {
        type: 'lead.updated',
        aggregateType: 'lead',
        aggregateId: leadId,
        payload: { fields: 'budgetMinor' } as unknown as { fields: string[] },
        actorId: null,
        at: t.clock.now(),
      });
    });
    await expect(write).rejects.toMatchObject({ code: 'internal', status: 500 });
    await expect(write).rejects.toThrow(/lead\.updated.*fields/);
    // The transaction rolled back: the first, good line is not there either.
    expect(await journalRows('lead.updated')).toBe(before);
  });

  it('refuses a key the schema does not name, and a bad line in a bulk write stops the whole batch', async () => {
    const line = (i: number, extra: Record<string, unknown> = {}) => ({
      type: 'lead.import_undone' as const,
      aggregateType: 'bulk-refused',
      aggregateId: `r${i}`,
      payload: { batchId: 'b', fileName: 'f.csv', line: i, ...extra },
      actorId: null,
      at: t.clock.now(),
    });
    const write = t.deps.db.transaction((tx) =>
      recordChanges(tx, [line(0), line(1), line(2, { secret: 'not in the catalogue' })]),
    );
    await expect(write).rejects.toThrow(/Unrecognized key.*secret/);
    const rs = await t.deps.db.$client.execute(
      `SELECT count(*) AS n FROM event_log WHERE aggregate_type = 'bulk-refused'`,
    );
    expect(rs.rows[0]).toMatchObject({ n: 0 });
  });
});

/** A good `lead.updated` line on the test lead. */
function budgetEdited(at: Date) {
  return {
    type: 'lead.updated' as const,
    aggregateType: 'lead',
    aggregateId: leadId,
    payload: { fields: ['budgetMinor'] },
    actorId: null,
    at,
  };
}

async function journalRows(type: string): Promise<number> {
  const rs = await t.deps.db.$client.execute({
    sql: 'SELECT count(*) AS n FROM event_log WHERE type = ? AND aggregate_id = ?',
    args: [type, leadId],
  });
  return Number(rs.rows[0]!.n);
}
