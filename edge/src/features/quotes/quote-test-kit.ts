import type { QuoteDetail, QuoteDraftInput } from '@mandap/shared/quotes';
import { financialYear } from '@mandap/shared/time';
import type { TestApp } from '../../test-support.ts';

/** A realistic wedding quote: décor, catering at 5%, an exempt line and a pass-through venue. */
export function weddingDraft(over: Partial<QuoteDraftInput> = {}): QuoteDraftInput {
  return {
    title: 'Sharma–Kapoor wedding, Juhu',
    currency: 'INR',
    placeOfSupply: '27',
    lines: [
      { key: 'decor', category: 'decor', description: 'Mandap and stage décor', quantity: 1, rateMinor: 4_50_000_00 },
      {
        key: 'food',
        category: 'catering',
        description: 'Dinner buffet, per plate',
        unit: 'plate',
        quantity: 350,
        rateMinor: 1_850_00,
        taxClass: 'gst_5',
        sac: '996334',
      },
      {
        key: 'venue',
        category: 'venue',
        description: 'Lawn booking (at actuals)',
        quantity: 1,
        rateMinor: 3_00_000_00,
        taxClass: 'pass_through',
      },
    ],
    discount: { kind: 'amount', amountMinor: 25_000_00 },
    validUntil: '2099-12-31',
    terms: '50% advance to confirm.',
    ...over,
  };
}

export async function firstId(t: TestApp, table: 'leads' | 'events', where = '1=1'): Promise<string> {
  const rs = await t.deps.db.$client.execute(`SELECT id FROM ${table} WHERE ${where} ORDER BY code LIMIT 1`);
  return String(rs.rows[0]!.id);
}

/** The event the demo client user is linked to, and one they are not. */
export async function clientEvents(t: TestApp) {
  const rs = await t.deps.db.$client.execute(
    "SELECT e.id, EXISTS(SELECT 1 FROM event_access a JOIN users u ON u.id = a.user_id WHERE a.event_id = e.id AND u.email = 'client@mandap.demo') AS linked FROM events e",
  );
  const linked = rs.rows.find((r) => Number(r.linked) === 1)!;
  const foreign = rs.rows.find((r) => Number(r.linked) === 0)!;
  return { linked: String(linked.id), foreign: String(foreign.id) };
}

export async function createQuote(
  t: TestApp,
  auth: Record<string, string>,
  body: Record<string, unknown>,
): Promise<QuoteDetail> {
  const res = await t.json('POST', '/api/quotes', body, auth);
  if (res.status !== 201) throw new Error(`create quote: ${res.status} ${await res.text()}`);
  return (await res.json()) as QuoteDetail;
}

export async function sendQuote(t: TestApp, auth: Record<string, string>, id: string) {
  const res = await t.json('POST', `/api/quotes/${id}/send`, {}, auth);
  if (res.status !== 200) throw new Error(`send quote: ${res.status} ${await res.text()}`);
  return (await res.json()) as QuoteDetail & { share: { url: string; expiresAt: string; whatsappUrl: string } };
}

export const tokenOf = (url: string) => url.split('/q/')[1]!;

export const quoteCodePrefix = (at: Date) => `QT/${financialYear(at)}/`;
