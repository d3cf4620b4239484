// @vitest-environment happy-dom
import type { Assignment, VendorPayment } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { VendorPaymentForm } from './VendorPaymentForm.tsx';

afterEach(cleanup);

const PO = {
  id: '0192f0a0-0000-7000-8000-00000000a001',
  vendorName: 'Gulmohar Florists',
  poNumber: 'PO/2026-27/0007',
  currency: 'INR',
  amountMinor: 12_000_000,
  paidMinor: 0,
  status: 'confirmed',
} as Assignment;

type Sent = { key: string; body: Record<string, unknown> };
const PAID = (amountMinor: number) =>
  ({ payment: { amountMinor, tdsMinor: 0, netMinor: amountMinor, fxRate: null } }) as unknown as {
    payment: VendorPayment;
  };

function renderPay(answer: (r: Sent) => Promise<{ payment: VendorPayment }>, assignment = PO) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(<VendorPaymentForm assignment={assignment} onDone={() => done.push(true)} pay={submit} />);
  return { ...view, sent: calls, done, record: screen.getByRole('button', { name: 'Record payment' }) };
}

describe('paying a vendor against a PO', { timeout: 60_000 }, () => {
  it('asks for the amount and the date paid under their fields, and sends nothing', async () => {
    const { user, sent, record } = renderPay(async () => PAID(1));
    await user.clear(screen.getByLabelText(/^Amount paid/));
    await user.clear(screen.getByLabelText(/^Paid on/));
    await user.click(record);
    expect(await screen.findByText('Amount must be more than zero')).toBeTruthy();
    expect(screen.getByText('Enter the date the money left the bank (dd/mm/yyyy)')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the parsed payment once with one key, an amount typed through its decimal point kept to the paisa', async () => {
    let answer: (v: { payment: VendorPayment }) => void = () => {};
    const { user, sent, done, record } = renderPay(() => new Promise((resolve) => (answer = resolve)));
    const amount = screen.getByLabelText(/^Amount paid/);
    await user.clear(amount);
    await user.type(amount, '50000.50');
    expect((amount as HTMLInputElement).value).toBe('50,000.50');
    await user.type(screen.getByLabelText('Reference'), ' UTR99887766 ');
    await user.click(screen.getByRole('switch'));
    await user.type(screen.getByLabelText(/^TDS withheld/), '500');
    await user.click(record);
    await user.click(record);
    expect(sent).toHaveLength(1);
    expect(record.hasAttribute('disabled')).toBe(true);
    answer(PAID(5_000_050));
    await expect.poll(() => done).toEqual([true]);
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]?.body).toEqual({
      amountMinor: 5_000_050,
      mode: 'neft',
      paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reference: 'UTR99887766',
      tdsMinor: 50_000,
    });
  });

  it("shows the server's refusal, keeps what was typed, and a retry carries the same key", async () => {
    let refuse = true;
    const { user, sent, done, record } = renderPay(async () => {
      if (refuse) throw new ApiError(422, 'unprocessable', 'This is more than is due on the PO: ₹1,20,000.00 at most.');
      return PAID(5_000_000);
    });
    const amount = screen.getByLabelText(/^Amount paid/);
    await user.clear(amount);
    await user.type(amount, '50000');
    await user.type(screen.getByLabelText('Reference'), 'UTR1');
    await user.click(record);
    expect(await screen.findByText('This is more than is due on the PO: ₹1,20,000.00 at most.')).toBeTruthy();
    expect((amount as HTMLInputElement).value).toBe('50,000');
    expect((screen.getByLabelText('Reference') as HTMLInputElement).value).toBe('UTR1');
    expect(done).toEqual([]);
    refuse = false;
    await user.click(record);
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });
});
