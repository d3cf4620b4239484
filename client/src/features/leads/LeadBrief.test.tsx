// @vitest-environment happy-dom
import type { LeadBrief, UpdateLeadBrief } from '@mandap/shared/leads';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { BriefFormFields } from './LeadBrief.tsx';

afterEach(cleanup);

const BRIEF: LeadBrief = {
  eventType: 'wedding',
  eventDateFrom: '2027-01-15',
  eventDateTo: '2027-01-17',
  functions: [{ name: 'Mehendi', date: '2027-01-15', guestCount: 120 }],
  city: 'Udaipur',
  venue: null,
  isDestination: true,
  guestCount: 250,
  budgetMinMinor: null,
  budgetMaxMinor: 4_000_000_00,
  budgetCurrency: 'INR',
  requirements: 'Jain menu at every function',
};

function renderBrief(answer: (patch: UpdateLeadBrief) => Promise<unknown> = async () => ({}), brief = BRIEF) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(<BriefFormFields brief={brief} onSave={submit} onDone={() => done.push(true)} />);
  return { ...view, sent: calls, done, save: screen.getByRole('button', { name: 'Save brief' }) };
}

describe("the lead card's brief", { timeout: 60_000 }, () => {
  it('refuses an end date before the start under To, with the shared message, and saves nothing', async () => {
    const { user, sent, save } = renderBrief();
    const to = screen.getByLabelText('To');
    await user.clear(to);
    await user.type(to, '14/01/2027{Enter}');
    await user.click(save);
    expect(await screen.findByText('The end date is before the start date')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('refuses a budget range the wrong way round, in rupees as typed, and saves nothing', async () => {
    const { user, sent, save } = renderBrief();
    await user.type(screen.getByLabelText('Budget from (₹)'), '5000000');
    await user.click(save);
    expect(await screen.findByText('The upper budget is below the lower one')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('asks for the name of a function row left blank, and saves nothing', async () => {
    const { user, sent, save } = renderBrief();
    await user.click(screen.getByRole('button', { name: 'Add function' }));
    await user.click(save);
    expect(await screen.findByText('Name the function, e.g. Sangeet, or remove the row')).toBeTruthy();
    expect(sent).toEqual([]);
    await user.click(screen.getAllByRole('button', { name: 'Remove function' })[1]!);
    await user.click(save);
    await expect.poll(() => sent).toHaveLength(1);
  });

  it('saves the brief once: blanks as none, the budget in paise, a new function with its guests', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, done, save } = renderBrief(() => new Promise((resolve) => (answer = resolve)));
    await user.clear(screen.getByLabelText('City'));
    await user.type(screen.getByLabelText('Venue'), '  The Leela Palace ');
    await user.type(screen.getByLabelText('Budget from (₹)'), '2500000');
    await user.click(screen.getByRole('button', { name: 'Add function' }));
    await user.type(screen.getAllByRole('textbox', { name: 'Function' })[1]!, 'Sangeet');
    await user.type(screen.getAllByLabelText('Function guests')[1]!, '180');
    await user.click(screen.getByRole('checkbox', { name: 'Destination event' }));
    await clickTwiceWhileHeld(user, save, sent, () => answer({}));
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toEqual([
      {
        eventType: 'wedding',
        eventDateFrom: '2027-01-15',
        eventDateTo: '2027-01-17',
        city: null,
        venue: 'The Leela Palace',
        isDestination: false,
        guestCount: 250,
        budgetMinMinor: 2_500_000_00,
        budgetMaxMinor: 4_000_000_00,
        requirements: 'Jain menu at every function',
        functions: [
          { name: 'Mehendi', date: '2027-01-15', guestCount: 120 },
          { name: 'Sangeet', date: null, guestCount: 180 },
        ],
      },
    ]);
  });

  it("puts the server's refusal under the field it names, and keeps the brief as typed", async () => {
    const { user, sent, done, save } = renderBrief(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        eventType: 'that event type was removed from the house list',
      });
    });
    await user.type(screen.getByLabelText('Venue'), 'The Leela Palace');
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('That event type was removed from the house list')).toBeTruthy();
    expect((screen.getByLabelText('Venue') as HTMLInputElement).value).toBe('The Leela Palace');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
