// @vitest-environment happy-dom
import type { MessagePrices } from '@mandap/shared/notifications';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { PricesForm } from './MomentSettings.tsx';

afterEach(cleanup);

const PRICES: MessagePrices = { utility: 12, marketing: 88, authentication: 12 };

function renderPrices(answer: (p: MessagePrices) => Promise<MessagePrices> = async (p) => p, canPrice = true) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<PricesForm prices={PRICES} canPrice={canPrice} save={submit} />);
  const box = (category: keyof MessagePrices) => screen.getByLabelText(`${category} (₹)`) as HTMLInputElement;
  return { ...view, saved: calls, box };
}

describe('the WhatsApp prices form', { timeout: 60_000 }, () => {
  it('shows the prices in rupees, and names a price left blank and one over the ceiling, sending nothing', async () => {
    const { user, saved, box } = renderPrices();
    expect(box('marketing').value).toBe('0.88');
    await user.clear(box('utility'));
    await user.clear(box('marketing'));
    await user.type(box('marketing'), '20000');
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByText('Enter a price (0 if free)')).toBeTruthy();
    expect(screen.getByText('At most ₹10,000 a message')).toBeTruthy();
    expect(box('marketing').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
  });

  it('saves the prices in paise once though Enter is pressed twice', async () => {
    let answer: (p: MessagePrices) => void = () => {};
    const { user, saved, box } = renderPrices(() => new Promise((resolve) => (answer = resolve)));
    await user.clear(box('marketing'));
    await user.type(box('marketing'), '1.15{Enter}{Enter}');
    expect(saved).toEqual([{ utility: 12, marketing: 115, authentication: 12 }]);
    answer({ utility: 12, marketing: 115, authentication: 12 });
    await expect
      .poll(() => screen.getByRole('button', { name: 'Save prices' }).hasAttribute('data-loading'))
      .toBe(false);
    expect(box('marketing').value).toBe('1.15');
    expect(saved).toHaveLength(1);
  });

  it("shows the edge's refusal, and keeps the prices typed", async () => {
    const { user, saved, box } = renderPrices(async () => {
      throw new ApiError(403, 'forbidden', 'Only finance, a manager or a super admin sets prices.');
    });
    await user.clear(box('utility'));
    await user.type(box('utility'), '0.2');
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Only finance, a manager or a super admin sets prices.',
    );
    expect(box('utility').value).toBe('0.2');
    expect(saved).toHaveLength(1);
  });

  it('is read-only without the right to set prices', () => {
    const { box } = renderPrices(undefined, false);
    expect(box('utility').disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save prices' })).toBeNull();
  });
});
