// @vitest-environment happy-dom
import { DEMO_COMPANY } from '@mandap/shared/company';
import { formatMoney } from '@mandap/shared/money';
import { computeQuoteTotals, type QuoteDetail, type QuoteDraft, type QuoteLine } from '@mandap/shared/quotes';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { QuoteBuilder } from './QuoteEditor.tsx';
import type { ShareLink } from './quotes.api.ts';

afterEach(cleanup);

const STAGE: QuoteLine = {
  key: 'stage01',
  category: 'decor',
  description: 'Sangeet stage, marigold backdrop',
  sac: '998596',
  unit: 'nos',
  quantity: 1,
  rateMinor: 1_25_000_00,
  discount: null,
  taxClass: 'gst_18',
};

function detailWith(lines: QuoteLine[], status: 'draft' | 'sent' = 'draft'): QuoteDetail {
  const totals = computeQuoteTotals({ currency: 'INR', lines, regime: 'intra_state', rounding: 'nearest_rupee' });
  const current = {
    id: '0192f0a0-0000-7000-8000-0000000000v1',
    version: 1,
    status,
    isChangeOrder: false,
    draft: {
      title: 'Mehta sangeet, Juhu',
      currency: 'INR' as const,
      customerType: 'b2c' as const,
      buyerName: null,
      buyerGstin: null,
      placeOfSupply: '27' as const,
      discount: null,
      rounding: 'nearest_rupee' as const,
      validUntil: null,
      notes: null,
      terms: null,
      paymentTerms: null,
      negotiationNote: null,
    },
    lines,
    totals,
    fx: null,
    totalInrMinor: totals.totalMinor,
    sentAt: null,
    acceptedAt: null,
    acceptance: null,
    createdAt: '2026-11-30T09:00:00.000Z',
  };
  return {
    quote: {
      id: '0192f0a0-0000-7000-8000-00000000q001',
      code: 'QT/2026-27/0042',
      title: current.draft.title,
      status,
      currency: 'INR',
      currentVersion: 1,
      totalMinor: totals.totalMinor,
      totalInrMinor: totals.totalMinor,
      leadId: null,
      eventId: null,
      clientName: 'Anaya Mehta',
      updatedAt: current.createdAt,
    },
    versions: [current],
    current,
    company: DEMO_COMPANY,
    clientPhone: null,
  };
}

const SHARE = { url: 'https://mandap.test/q/abc', whatsapp: 'https://wa.me/?text=x' } as unknown as ShareLink;

function renderBuilder(
  detail: QuoteDetail,
  answers: { save?: (d: QuoteDraft) => Promise<unknown>; send?: () => Promise<ShareLink> } = {},
) {
  const save = recorder(answers.save ?? (async () => ({})));
  const send = recorder(answers.send ?? (async () => SHARE));
  const shared: ShareLink[] = [];
  const view = renderForm(
    <QuoteBuilder
      detail={detail}
      canWrite
      saveDraft={save.submit}
      send={() => send.submit(undefined)}
      onShare={(s) => shared.push(s)}
    />,
  );
  return { ...view, saved: save.calls, sent: send.calls, shared };
}

const button = (name: string) => screen.getByRole('button', { name });

describe('the quote builder', { timeout: 90_000 }, () => {
  it('names a line without a description and a blank title under their fields, and saves nothing', async () => {
    const { user, saved } = renderBuilder(detailWith([STAGE]));
    await user.clear(screen.getByRole('textbox', { name: /^Title/ }));
    await user.click(button('Add line'));
    // Add line puts the cursor in the new line's description, for typing it at once.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Line 2 description' }));
    await user.click(button('Save draft'));
    expect(await screen.findByText('Give the quote a title')).toBeTruthy();
    expect(screen.getByText('Describe the line')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Line 2 description' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Line 1 description' }).getAttribute('aria-invalid')).not.toBe('true');
    expect(saved).toEqual([]);
  });

  it('refuses payment terms that do not add up to 100%, and saves nothing', async () => {
    const { user, saved } = renderBuilder(detailWith([STAGE]));
    await user.click(button('Add instalment'));
    expect(screen.getByText('Not saved yet: the instalments add up to 10%, not 100%')).toBeTruthy();
    await user.click(button('Save draft'));
    await user.clear(screen.getByRole('textbox', { name: 'Instalment 1 percent' }));
    await user.type(screen.getByRole('textbox', { name: 'Instalment 1 percent' }), '100');
    await user.clear(screen.getByRole('textbox', { name: 'Instalment 1 label' }));
    await user.type(screen.getByRole('textbox', { name: 'Instalment 1 label' }), 'A');
    await user.click(button('Save draft'));
    expect(await screen.findByText('Not saved yet: name the instalment')).toBeTruthy();
    // Neither press sent anything: the sum, then the name, were refused here.
    expect(saved).toEqual([]);
  });

  it('prices the typed lines with the shared rules and saves the parsed draft once', async () => {
    let answer: () => void = () => {};
    const { user, saved } = renderBuilder(detailWith([STAGE]), {
      save: () => new Promise<void>((resolve) => (answer = resolve)),
    });
    await user.click(button('Add line'));
    await user.keyboard(' DJ set ');
    await user.clear(screen.getByRole('textbox', { name: 'Line 2 quantity' }));
    await user.type(screen.getByRole('textbox', { name: 'Line 2 quantity' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Line 2 rate' }), '47500.50');
    await user.type(screen.getByRole('textbox', { name: 'Line 2 discount percent' }), '10');
    const expected = computeQuoteTotals({
      currency: 'INR',
      regime: 'intra_state',
      rounding: 'nearest_rupee',
      lines: [
        { key: 'a', quantity: 1, rateMinor: 1_25_000_00, taxClass: 'gst_18' },
        { key: 'b', quantity: 2, rateMinor: 47_500_50, taxClass: 'gst_18', discount: { kind: 'percent', percent: 10 } },
      ],
    });
    expect(screen.getByTestId('quote-total').textContent).toBe(
      formatMoney({ amountMinor: expected.totalMinor, currency: 'INR' }),
    );
    expect(screen.getByText('Unsaved changes · Ctrl+S saves', { exact: false })).toBeTruthy();

    const save = button('Save draft');
    await user.click(save);
    await user.click(save);
    expect(saved).toHaveLength(1);
    answer();
    expect(await screen.findByText('All changes saved', { exact: false })).toBeTruthy();
    expect(saved).toHaveLength(1);
    const [draft] = saved;
    expect(draft?.title).toBe('Mehta sangeet, Juhu');
    expect(draft?.lines).toEqual([
      { ...STAGE, catalogueItemId: undefined },
      {
        key: expect.stringMatching(/^[a-f0-9]{12}$/),
        category: 'other',
        description: 'DJ set',
        sac: '998596',
        unit: 'nos',
        quantity: 2,
        rateMinor: 47_500_50,
        discount: { kind: 'percent', percent: 10 },
        taxClass: 'gst_18',
      },
    ]);
  });

  it("shows the server's refusal under the line it names and in the banner, and keeps what was typed", async () => {
    const { user, saved } = renderBuilder(detailWith([STAGE]), {
      save: async () => {
        throw new ApiError(422, 'unprocessable', 'lines.0.sac: not a SAC code we know', {
          'lines.0.description': 'already on line 3',
        });
      },
    });
    await user.type(screen.getByRole('textbox', { name: 'Line 1 description' }), ' (large)');
    await user.click(button('Save draft'));
    expect((await screen.findByRole('alert')).textContent).toContain('lines.0.sac: not a SAC code we know');
    expect(screen.getByText('Already on line 3')).toBeTruthy();
    expect(saved).toHaveLength(1);
    expect((screen.getByRole('textbox', { name: 'Line 1 description' }) as HTMLInputElement).value).toBe(
      'Sangeet stage, marigold backdrop (large)',
    );
    expect(screen.getByText('Unsaved changes · Ctrl+S saves', { exact: false })).toBeTruthy();
  });

  it('saves unsaved changes before sending, then shares; a refused send is shown and nothing is shared', async () => {
    const ok = renderBuilder(detailWith([STAGE]));
    await ok.user.type(screen.getByRole('textbox', { name: 'Line 1 quantity' }), '0');
    await ok.user.click(button('Send v1'));
    await expect.poll(() => ok.shared).toEqual([SHARE]);
    expect(ok.saved.map((d) => d.lines[0]?.quantity)).toEqual([10]);
    expect(ok.sent).toHaveLength(1);
    cleanup();

    const refused = renderBuilder(detailWith([STAGE]), {
      send: async () => {
        throw new ApiError(422, 'unprocessable', 'QT/2026-27/0042 v1 was not sent. The place of supply is wrong.');
      },
    });
    await refused.user.click(button('Send v1'));
    expect((await screen.findByRole('alert')).textContent).toContain('v1 was not sent');
    expect(refused.saved).toEqual([]);
    expect(refused.shared).toEqual([]);
  });

  it('shows a sent version read-only, with nothing to save or send', () => {
    renderBuilder(detailWith([STAGE], 'sent'));
    expect(screen.getByText('v1 is sent: frozen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove line 1' })).toBeNull();
    const line = screen.getByRole('textbox', { name: 'Line 1 description' });
    expect(line.hasAttribute('readonly')).toBe(true);
    expect(within(document.body).getByTestId('quote-total').textContent).toBe('₹1,47,500.00');
  });
});
