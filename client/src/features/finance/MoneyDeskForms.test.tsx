// @vitest-environment happy-dom
import type { CreditRow, SuspenseItem } from '@mandap/shared/payments';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { held, recorder, renderForm } from '../../ui/testing.tsx';
import { CreditActions, CreditSources, ResolveSuspenseForm, WriteOffAction } from './MoneyDeskForms.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const CREDIT: CreditRow = {
  eventId: EVENT_ID,
  eventCode: 'EV-2026-0042',
  eventName: 'Mehta sangeet',
  clientName: 'Anaya Mehta',
  currency: 'INR',
  creditMinor: 1_000_00,
  byGatewayMinor: 0,
  byHandMinor: 1_000_00,
  paymentIds: [],
};
/** ₹1,500 held: ₹1,200 came through Razorpay, ₹300 by NEFT. */
const MIXED: CreditRow = { ...CREDIT, creditMinor: 1_500_00, byGatewayMinor: 1_200_00, byHandMinor: 300_00 };
const SUSPENSE: SuspenseItem = {
  id: '0192f0a0-0000-7000-8000-00000000s001',
  provider: 'razorpay',
  providerPaymentId: 'pay_stranger_1',
  linkRef: 'plink_x',
  reason: 'no payment link matches plink_x',
  amountMinor: 5_000_00,
  currency: 'INR',
  refundedMinor: 0,
  receivedOn: '2026-11-30',
  status: 'open',
  resolvedPaymentId: null,
  createdAt: '2026-11-30T09:00:00.000Z',
};
const EVENTS = {
  events: [{ id: EVENT_ID, code: 'EV-2026-0042', name: 'Mehta sangeet', clientId: 'c1', clientName: 'Anaya Mehta' }],
};

describe('the money desk: refunding credit on account', { timeout: 60_000 }, () => {
  it('asks for the amount and a reason under their fields, and refunds nothing', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<CreditActions row={CREDIT} send={submit} />);
    await user.type(screen.getByRole('textbox', { name: 'Refund reason for EV-2026-0042' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Enter the amount to refund')).toBeTruthy();
    expect(screen.getByText('Say why, in a few words')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('refuses more than the event holds, in rupees, and refunds nothing', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<CreditActions row={CREDIT} send={submit} />);
    await user.type(screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }), '1500');
    await user.type(screen.getByRole('textbox', { name: 'Refund reason for EV-2026-0042' }), 'paid twice');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('EV-2026-0042 holds only ₹1,000.00')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('refuses more than was received otherwise: the gateway part is refunded in the gateway', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<CreditActions row={MIXED} send={submit} />);
    await user.type(screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }), '300.01');
    await user.type(screen.getByRole('textbox', { name: 'Refund reason for EV-2026-0042' }), 'paid twice');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(
      await screen.findByText(
        'At most ₹300.00 can be refunded here: ₹1,200.00 came through Razorpay or Stripe, refund that in the gateway',
      ),
    ).toBeTruthy();
    expect(calls).toEqual([]);
    await user.clear(screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }));
    await user.type(screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }), '300');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    await expect.poll(() => calls).toEqual([{ amountMinor: 300_00, reason: 'paid twice' }]);
  });

  it("shows how much of the event's credit came by gateway and how much was received otherwise, in rupees", () => {
    renderForm(
      <CreditSources
        row={{ ...MIXED, creditMinor: 12_34_567_00, byGatewayMinor: 12_00_000_00, byHandMinor: 34_567_00 }}
      />,
    );
    expect(screen.getByText('₹12,00,000.00 by gateway · ₹34,567.00 received otherwise')).toBeTruthy();
  });

  it('sends the refund in paise once, with the reason trimmed, and clears the row', async () => {
    const { answer, release } = held();
    const { calls, submit } = recorder(answer);
    const { user } = renderForm(<CreditActions row={CREDIT} send={submit} />);
    const amount = screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' });
    await user.type(amount, '400.50');
    await user.type(screen.getByRole('textbox', { name: 'Refund reason for EV-2026-0042' }), ' paid twice ');
    const refund = screen.getByRole('button', { name: 'Refund' });
    await user.click(refund);
    await user.click(refund);
    expect(calls).toEqual([{ amountMinor: 400_50, reason: 'paid twice' }]);
    release();
    await expect.poll(() => (amount as HTMLInputElement).value).toBe('');
    expect(calls).toHaveLength(1);
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { calls, submit } = recorder(async () => {
      throw new ApiError(422, 'unprocessable', 'The credit was applied meanwhile: nothing is held now.');
    });
    const { user } = renderForm(<CreditActions row={CREDIT} send={submit} />);
    await user.type(screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }), '400');
    await user.type(screen.getByRole('textbox', { name: 'Refund reason for EV-2026-0042' }), 'paid twice');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The credit was applied meanwhile: nothing is held now.',
    );
    expect(calls).toHaveLength(1);
    expect((screen.getByRole('textbox', { name: 'Refund amount for EV-2026-0042' }) as HTMLInputElement).value).toBe(
      '400',
    );
  });
});

describe('the money desk: writing off credit below zero', { timeout: 60_000 }, () => {
  const BELOW = { ...CREDIT, creditMinor: -200_00 };

  it('asks why under the reason, and writes nothing off', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<WriteOffAction row={BELOW} send={submit} />);
    await user.click(screen.getByRole('button', { name: 'Write off' }));
    expect(await screen.findByText('Say why, in a few words')).toBeTruthy();
    expect(
      screen.getByRole('textbox', { name: 'Write-off reason for EV-2026-0042' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(calls).toEqual([]);
  });

  it('sends the reason once; a refusal is shown', async () => {
    const { answer, release } = held();
    const ok = recorder(answer);
    const { user } = renderForm(<WriteOffAction row={BELOW} send={ok.submit} />);
    await user.type(screen.getByRole('textbox', { name: 'Write-off reason for EV-2026-0042' }), 'client abroad');
    await user.click(screen.getByRole('button', { name: 'Write off' }));
    await user.click(screen.getByRole('button', { name: 'Write off' }));
    expect(ok.calls).toEqual([{ reason: 'client abroad' }]);
    release();
    cleanup();

    const refused = recorder(async () => {
      throw new ApiError(409, 'conflict', 'Nothing below zero is left to write off.');
    });
    const again = renderForm(<WriteOffAction row={BELOW} send={refused.submit} />);
    await again.user.type(screen.getByRole('textbox', { name: 'Write-off reason for EV-2026-0042' }), 'client abroad');
    await again.user.click(screen.getByRole('button', { name: 'Write off' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing below zero is left to write off.');
  });
});

describe('the money desk: booking suspense money to an event', { timeout: 60_000 }, () => {
  it('asks for the event, and books nothing until one is chosen; then books it once', async () => {
    const { answer, release } = held();
    const { calls, submit } = recorder(answer);
    const { user } = renderForm(<ResolveSuspenseForm item={SUSPENSE} send={submit} />, [[['events'], EVENTS]]);
    const book = screen.getByRole('button', { name: 'Book to event' });
    await user.click(book);
    expect(await screen.findByText('Choose the event this money is for')).toBeTruthy();
    expect(calls).toEqual([]);

    await user.click(screen.getByRole('combobox', { name: 'Event for pay_stranger_1' }));
    await user.click(await screen.findByRole('option', { name: /EV-2026-0042 · Mehta sangeet/ }));
    await user.click(book);
    await user.click(book);
    expect(calls).toEqual([{ eventId: EVENT_ID }]);
    release();
  });

  it("shows the server's refusal under the event", async () => {
    const { submit } = recorder(async () => {
      throw new ApiError(422, 'unprocessable', 'That event has no client to bill.', {
        eventId: 'that event has no client to bill',
      });
    });
    const { user } = renderForm(<ResolveSuspenseForm item={SUSPENSE} send={submit} />, [[['events'], EVENTS]]);
    await user.click(screen.getByRole('combobox', { name: 'Event for pay_stranger_1' }));
    await user.click(await screen.findByRole('option', { name: /EV-2026-0042/ }));
    await user.click(screen.getByRole('button', { name: 'Book to event' }));
    expect(await screen.findByText('That event has no client to bill')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('That event has no client to bill.');
  });
});
