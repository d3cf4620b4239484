// @vitest-environment happy-dom
import type { CreditRow, SuspenseItem } from '@mandap/shared/payments';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { CreditActions, ResolveSuspenseForm, WriteOffAction } from './MoneyDeskForms.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const CREDIT: CreditRow = {
  eventId: EVENT_ID,
  eventCode: 'EV-2026-0042',
  eventName: 'Mehta sangeet',
  clientName: 'Anaya Mehta',
  currency: 'INR',
  creditMinor: 1_000_00,
  paymentIds: [],
};
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

/** An answer the test lets go when it chooses, to press again while the first is on its way. */
function held() {
  let release: () => void = () => {};
  const answer = () => new Promise<void>((resolve) => (release = resolve));
  return { answer, release: () => release() };
}

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
