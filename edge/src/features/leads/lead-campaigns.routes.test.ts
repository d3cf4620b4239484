import { newId } from '@mandap/shared/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

const ATTRIBUTIONS = [
  { utmSource: 'instagram', utmMedium: 'paid_social', utmCampaign: 'Winter weddings 2026', campaignId: '555' },
  { utmSource: 'google', utmMedium: 'cpc', campaignId: '987', gclid: 'abc' },
  { utmSource: 'instagram', utmCampaign: 'Sangeet reels' },
  null,
];

describe('leads filtered by utm_source and campaign, on the server', () => {
  it('filters the list and the counts, names every campaign with its count, and uses the indexes', async () => {
    const at = new Date().toISOString();
    await t.deps.db.$client.batch(
      Array.from({ length: 800 }, (_, k) => ({
        sql: `INSERT INTO leads (id, code, name, phone, source, stage, temperature, budget_currency, is_destination, attribution, created_at, updated_at)
              VALUES (?, ?, ?, ?, 'website', 'new', 'warm', 'INR', 0, ?, ?, ?)`,
        args: [
          newId(),
          `LD-C-${k}`,
          `Lead ${k}`,
          `+9172${String(k).padStart(8, '0')}`,
          ATTRIBUTIONS[k % 4] ? JSON.stringify(ATTRIBUTIONS[k % 4]) : null,
          at,
          at,
        ],
      })),
      'write',
    );
    const { auth } = await t.login('manager@mandap.demo');
    const get = async (path: string) => {
      const res = await t.json('GET', path, undefined, auth);
      expect(res.status).toBe(200);
      return res.json();
    };

    const winter = await get('/api/leads?campaign=Winter%20weddings%202026&limit=5');
    expect(winter.total).toBe(200);
    expect(winter.leads).toHaveLength(5);
    // Google's campaign has no utm_campaign: its campaign id is its campaign.
    expect((await get('/api/leads?campaign=987')).total).toBe(200);
    expect((await get('/api/leads?utmSource=instagram&limit=1')).total).toBe(400);
    expect((await get('/api/leads?utmSource=instagram&campaign=Sangeet%20reels')).total).toBe(200);
    expect((await get('/api/leads?utmSource=facebook')).total).toBe(0);
    const counts = await get('/api/leads/counts?utmSource=google');
    expect(counts.total).toBe(200);

    const { campaigns } = await get('/api/leads/campaigns');
    expect(campaigns).toEqual(
      expect.arrayContaining([
        { utmSource: 'instagram', campaign: 'Winter weddings 2026', leads: 200 },
        { utmSource: 'google', campaign: '987', leads: 200 },
        { utmSource: 'instagram', campaign: 'Sangeet reels', leads: 200 },
      ]),
    );

    const bad = await t.json('GET', `/api/leads?campaign=${'x'.repeat(201)}`, undefined, auth);
    expect(bad.status).toBe(400);

    const plan = async (where: string) =>
      (await t.deps.db.$client.execute(`EXPLAIN QUERY PLAN SELECT count(*) FROM leads WHERE ${where}`)).rows
        .map((r) => String(r.detail))
        .join(' | ');
    expect(await plan(`json_extract("leads"."attribution", '$.utmSource') = 'google'`)).toMatch(/leads_utm_source_idx/);
    expect(
      await plan(
        `coalesce(json_extract("leads"."attribution", '$.utmCampaign'), json_extract("leads"."attribution", '$.campaignId')) = '987'`,
      ),
    ).toMatch(/leads_campaign_idx/);
  });
});
