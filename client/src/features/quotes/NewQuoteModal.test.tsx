// @vitest-environment happy-dom
import type { CreateQuote } from '@mandap/shared/quotes';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { leadsQueryString } from '../leads/leads.api.ts';
import { NewQuoteForm } from './NewQuoteModal.tsx';

afterEach(cleanup);

const LEAD_ID = '0192f0a0-0000-7000-8000-00000000d001';
const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const QUOTE_ID = '0192f0a0-0000-7000-8000-00000000c001';

function renderNewQuote(
  answer: (q: CreateQuote) => Promise<{ quote: { id: string } }> = async () => ({ quote: { id: QUOTE_ID } }),
  preset?: { leadId: string; label: string; title?: string },
) {
  const { calls, submit } = recorder(answer);
  const done: string[] = [];
  const view = renderForm(<NewQuoteForm create={submit} onDone={() => done.push('closed')} preset={preset} />, [
    [
      ['leads', 'list', leadsQueryString({ limit: 200 })],
      { leads: [{ id: LEAD_ID, code: 'LD-2026-0042', name: 'Meera Kulkarni' }] },
    ],
    [['events'], { events: [{ id: EVENT_ID, code: 'EV-2026-0007', name: 'Mehta–Kapoor wedding' }] }],
  ]);
  return { ...view, sent: calls, done };
}

/** What the shared schema makes of a new quote with no lines: its defaults filled in. */
const PARSED = {
  currency: 'INR',
  customerType: 'b2c',
  buyerGstin: null,
  placeOfSupply: '27',
  rounding: 'nearest_rupee',
  lines: [],
};

describe('the new-quote form', { timeout: 60_000 }, () => {
  it('asks for the lead, then for the event, under the picker, and sends nothing', async () => {
    const { user, sent } = renderNewQuote();
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByText('Pick the lead')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Lead' }).getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByText('For an event'));
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByText('Pick the event')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('refuses a one-letter title under the title, and sends nothing', async () => {
    const { user, sent } = renderNewQuote(undefined, { leadId: LEAD_ID, label: 'LD-2026-0042 · Meera Kulkarni' });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'S');
    await user.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByText('Give the quote a title')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the parsed request once for the event picked, a blank title as the default one', async () => {
    let release: () => void = () => {};
    const { user, sent, done } = renderNewQuote(
      () => new Promise((resolve) => (release = () => resolve({ quote: { id: QUOTE_ID } }))),
    );
    await user.click(screen.getByText('For an event'));
    await user.click(screen.getByRole('combobox', { name: 'Event' }));
    await user.click(await screen.findByRole('option', { name: /Mehta–Kapoor wedding/ }));
    const create = screen.getByRole('button', { name: 'Create draft' });
    await user.click(create);
    await user.click(create);
    expect(sent).toHaveLength(1);
    release();
    await expect.poll(() => done).toEqual(['closed']);
    expect(sent[0]).toEqual({ ...PARSED, eventId: EVENT_ID, title: 'Event quotation' });
  });

  it("for a lead card's lead: sends its title trimmed; the server's refusal shows in the banner and the title stays", async () => {
    const { user, sent, done } = renderNewQuote(
      async () => {
        throw new ApiError(404, 'not_found', 'That lead was deleted.');
      },
      { leadId: LEAD_ID, label: 'LD-2026-0042 · Meera Kulkarni', title: 'Sangeet, Juhu' },
    );
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' {Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('That lead was deleted.');
    expect(sent).toEqual([{ ...PARSED, leadId: LEAD_ID, title: 'Sangeet, Juhu' }]);
    expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Sangeet, Juhu ');
    expect(done).toEqual([]);
  });
});
