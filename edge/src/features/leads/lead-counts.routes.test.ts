import { newId } from '@mandap/shared/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const STAGES = ['new', 'contacted', 'negotiation', 'won', 'lost'] as const;

describe('lead counts from the server', () => {
  it('counts every lead per stage (not the newest page), with open, won and lost, under the same filters as the list', async () => {
    const at = new Date().toISOString();
    const stmts = Array.from({ length: 2_400 }, (_, k) => ({
      sql: `INSERT INTO leads (id, code, name, phone, source, stage, temperature, budget_currency, is_destination, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'warm', 'INR', 0, ?, ?)`,
      args: [
        newId(),
        `LD-T-${k}`,
        `Lead ${k}`,
        `+9171${String(k).padStart(8, '0')}`,
        k % 2 ? 'website' : 'referral',
        STAGES[k % 5]!,
        at,
        at,
      ],
    }));
    await t.deps.db.$client.batch(stmts, 'write');
    const sql = async (where: string) =>
      Number((await t.deps.db.$client.execute(`SELECT count(*) AS n FROM leads ${where}`)).rows[0]!.n);
    const { auth } = await t.login('manager@mandap.demo');

    const all = await (await t.json('GET', '/api/leads/counts', undefined, auth)).json();
    expect(all.total).toBe(await sql(''));
    expect(all.won).toBe(await sql("WHERE stage = 'won'"));
    expect(all.open).toBe(await sql("WHERE stage NOT IN ('won', 'lost')"));
    expect(all.byStage.negotiation).toBe(await sql("WHERE stage = 'negotiation'"));
    expect(all.won).toBeGreaterThan(480);

    const web = await (await t.json('GET', '/api/leads/counts?source=website', undefined, auth)).json();
    expect(web.total).toBe(await sql("WHERE source = 'website'"));
    expect(web.byStage.new).toBe(await sql("WHERE source = 'website' AND stage = 'new'"));
    // The board's column total is the list's total for that stage.
    const column = await (await t.json('GET', '/api/leads?stage=won&limit=50', undefined, auth)).json();
    expect(column.total).toBe(all.byStage.won);
    expect(column.leads).toHaveLength(50);
  });
});
