// @vitest-environment happy-dom
import type { Milestone, PaymentResult, RecordPayment } from '@mandap/shared/payments';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { todayInKolkata } from '../../lib/format.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { RecordPaymentForm } from './RecordPaymentForm.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const milestone = (seq: number, label: string, amountMinor: number): Milestone => ({
  id: `0192f0a0-0000-7000-8000-00000000a00${seq}`,
  eventId: EVENT_ID,
  seq,
  label,
  dueDate: '2026-12-01',
  amountMinor,
  currency: 'INR',
  paidMinor: 0,
  status: 'pending',
});
const ADVANCE = milestone(1, 'Advance', 11_800_000);
const SECOND = milestone(2, 'Second instalment', 9_440_000);

type Answer = (p: RecordPayment) => Promise<PaymentResult | 'queued'>;

function renderPayment(answer: Answer = async () => 'queued') {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(
    <RecordPaymentForm
      eventId={EVENT_ID}
      milestones={[ADVANCE, SECOND]}
      onDone={() => done.push(true)}
      submit={submit as never}
    />,
  );
  return { ...view, sent: calls, done };
}

describe('the record-payment form', { timeout: 40_000 }, () => {
  it('refuses an amount of nothing under the amount field, and records nothing', async () => {
    const { user, sent } = renderPayment();
    await user.clear(screen.getByRole('textbox', { name: /^Amount/ }));
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('Amount must be more than zero')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('refuses milestones that add up to more than the payment, in rupees, and records nothing', async () => {
    const { user, sent } = renderPayment();
    const amount = screen.getByRole('textbox', { name: /^Amount/ });
    await user.clear(amount);
    await user.type(amount, '50000');
    await user.click(screen.getByRole('switch', { name: /Choose which milestones/ }));
    await user.type(screen.getByRole('textbox', { name: 'Amount for Advance' }), '40000');
    await user.type(screen.getByRole('textbox', { name: 'Amount for Second instalment' }), '20000');
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The milestones add up to ₹60,000.00; the payment is only ₹50,000.00',
    );
    expect(sent).toEqual([]);
  });

  it('records the parsed payment once, with the button held while it is sent', async () => {
    let answer: (r: 'queued') => void = () => {};
    const { user, sent, done } = renderPayment(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Reference'), ' UPI-4471 ');
    const button = screen.getByRole('button', { name: 'Record payment' });
    await user.click(button);
    await user.click(button);
    expect(sent).toHaveLength(1);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer('queued');
    await screen.findByRole('button', { name: 'Record payment' });
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toEqual([
      {
        eventId: EVENT_ID,
        mode: 'upi',
        receivedOn: todayInKolkata(),
        amountMinor: 11_800_000,
        currency: 'INR',
        reference: 'UPI-4471',
      },
    ]);
  });

  it("shows the server's refusal under the field it names, and keeps the form", async () => {
    const { user, sent, done } = renderPayment(async () => {
      throw new ApiError(422, 'unprocessable', 'Payment date refused: the books for that month are closed.', {
        receivedOn: 'the books for that month are closed',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('The books for that month are closed')).toBeTruthy();
    expect(screen.getByText('Payment date refused: the books for that month are closed.')).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
