// @vitest-environment happy-dom
import type { Assignment } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { RateVendorForm } from './RateVendorForm.tsx';
import { vendorKeys } from './vendors.api.ts';

afterEach(cleanup);

const VENDOR_ID = '0192f0a0-0000-7000-8000-00000000f001';
const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const DELIVERED = {
  id: '0192f0a0-0000-7000-8000-00000000a001',
  vendorId: VENDOR_ID,
  vendorName: 'Gulmohar Florists',
  eventId: EVENT_ID,
  eventName: 'Mehta–Kapoor wedding',
  eventStartDate: '2026-11-20',
  status: 'delivered',
} as Assignment;

type Rating = { eventId: string; rating: number; notes?: string };

function renderRating(answer: (r: Rating) => Promise<unknown> = async () => ({}), assignment = DELIVERED) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<RateVendorForm assignment={assignment} rate={submit} />, [
    [vendorKeys.one(VENDOR_ID), { ratings: [] }],
  ]);
  return { ...view, sent: calls };
}

/** Picks `n` stars from the keyboard: each star is a radio button holding its value. */
async function pickStars(user: ReturnType<typeof renderRating>['user'], n: number) {
  screen
    .getAllByRole('radio')
    .find((r) => (r as HTMLInputElement).value === String(n))!
    .focus();
  await user.keyboard(' ');
}

describe('the rate-vendor form', { timeout: 60_000 }, () => {
  it('asks for 1 to 5 stars before saving, and sends nothing', async () => {
    const { user, sent } = renderRating();
    await user.type(screen.getByLabelText('Performance notes'), 'On time');
    await user.click(screen.getByRole('button', { name: 'Save rating' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Rate 1 to 5');
    expect(sent).toEqual([]);
  });

  it('is not offered before the work is delivered or the event has begun', () => {
    renderRating(undefined, { ...DELIVERED, status: 'confirmed', eventStartDate: '2099-01-01' });
    expect(screen.getByText(/Rate Gulmohar Florists once the work is delivered/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save rating' })).toBeNull();
  });

  it('sends the rating once for this event, the notes trimmed', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent } = renderRating(() => new Promise((resolve) => (answer = resolve)));
    await pickStars(user, 4);
    await user.type(screen.getByLabelText('Performance notes'), '  On time; the mandap florals were fresh  ');
    const save = screen.getByRole('button', { name: 'Save rating' });
    await clickTwiceWhileHeld(user, save, sent, () => answer({}));
    await expect.poll(() => save.hasAttribute('disabled')).toBe(false);
    expect(sent).toEqual([{ eventId: EVENT_ID, rating: 4, notes: 'On time; the mandap florals were fresh' }]);
  });

  it("shows the server's refusal and keeps the stars and notes", async () => {
    const { user, sent } = renderRating(async () => {
      throw new ApiError(403, 'forbidden', 'Only the event manager rates vendors for this event.');
    });
    await pickStars(user, 2);
    await user.type(screen.getByLabelText('Performance notes'), 'Late by two hours');
    await user.click(screen.getByRole('button', { name: 'Save rating' }));
    expect(await screen.findByText('Only the event manager rates vendors for this event.')).toBeTruthy();
    expect(screen.getByText('2 of 5')).toBeTruthy();
    expect((screen.getByLabelText('Performance notes') as HTMLTextAreaElement).value).toBe('Late by two hours');
    expect(sent).toHaveLength(1);
  });
});
