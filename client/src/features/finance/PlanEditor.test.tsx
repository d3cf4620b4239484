// @vitest-environment happy-dom
import type { EditMilestonePlan, Milestone } from '@mandap/shared/payments';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { PlanEditor } from './PlanEditor.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const milestone = (seq: number, label: string, amountMinor: number, paidMinor = 0): Milestone => ({
  id: `0192f0a0-0000-7000-8000-00000000a00${seq}`,
  eventId: EVENT_ID,
  seq,
  label,
  dueDate: `2026-12-0${seq}`,
  amountMinor,
  currency: 'INR',
  paidMinor,
  status: paidMinor ? 'partially_paid' : 'pending',
});
const ADVANCE = milestone(1, 'Booking advance', 10_000_000, 5_000_000);
const BALANCE = milestone(2, 'Balance', 20_000_000);

type Plan = EditMilestonePlan['milestones'];

function renderPlan(answer: (plan: Plan) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const saved: true[] = [];
  const view = renderForm(
    <PlanEditor
      eventId={EVENT_ID}
      milestones={[ADVANCE, BALANCE]}
      onSaved={() => saved.push(true)}
      onCancel={() => {}}
      save={(_eventId, plan) => submit(plan)}
    />,
  );
  const row = (i: number) => within(screen.getAllByTestId('plan-row')[i]!);
  return { ...view, sent: calls, saved, row, save: screen.getByRole('button', { name: 'Save plan' }) };
}

async function setAmount(user: ReturnType<typeof renderPlan>['user'], input: HTMLElement, rupees: string) {
  await user.clear(input);
  await user.type(input, rupees);
}

describe('the milestone plan editor', { timeout: 60_000 }, () => {
  it('holds Save while the amounts do not add up to the accepted total, and says by how much', async () => {
    const { user, row, save, sent } = renderPlan();
    await setAmount(user, row(1).getByLabelText('Amount (INR)'), '190000');
    expect(screen.getByTestId('plan-difference').textContent).toBe('₹10,000.00 still to place');
    expect(save.hasAttribute('disabled')).toBe(true);
    await user.click(save);
    expect(sent).toEqual([]);
  });

  it('asks for the name of an added milestone, and saves nothing', async () => {
    const { user, row, save, sent } = renderPlan();
    await user.click(screen.getByRole('button', { name: 'Add milestone' }));
    expect(row(2).getByLabelText('Due on')).toHaveProperty('value', '02/12/2026');
    await user.click(save);
    expect(await screen.findByText('Give the milestone a name')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('refuses to take a milestone below what is already paid against it, in rupees, and saves nothing', async () => {
    const { user, row, save, sent } = renderPlan();
    await setAmount(user, row(0).getByLabelText('Amount (INR)'), '40000');
    await setAmount(user, row(1).getByLabelText('Amount (INR)'), '260000');
    expect(screen.getByTestId('plan-difference').textContent).toBe('Adds up');
    await user.click(save);
    expect(await screen.findByText('At least ₹50,000.00: that much is paid')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('saves the edited plan once: ids kept, an added milestone without one, labels trimmed', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, row, save, sent, saved } = renderPlan(() => new Promise((resolve) => (answer = resolve)));
    await user.clear(row(0).getByLabelText('Label'));
    await user.type(row(0).getByLabelText('Label'), ' Booking advance (revised) ');
    await setAmount(user, row(1).getByLabelText('Amount (INR)'), '150000');
    await user.click(screen.getByRole('button', { name: 'Add milestone' }));
    await user.type(row(2).getByLabelText('Label'), 'On the day');
    await setAmount(user, row(2).getByLabelText('Amount (INR)'), '50000');
    await clickTwiceWhileHeld(user, save, sent, () => answer({}));
    await expect.poll(() => saved).toEqual([true]);
    expect(sent).toEqual([
      [
        {
          id: ADVANCE.id,
          label: 'Booking advance (revised)',
          dueDate: '2026-12-01',
          amountMinor: 10_000_000,
          waived: false,
        },
        { id: BALANCE.id, label: 'Balance', dueDate: '2026-12-02', amountMinor: 15_000_000, waived: false },
        { label: 'On the day', dueDate: '2026-12-02', amountMinor: 5_000_000, waived: false },
      ],
    ]);
  });

  it("shows the server's refusal in the banner and under the row's field it names", async () => {
    const { user, row, save, sent, saved } = renderPlan(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the plan: the balance is due after the event.', {
        'milestones.1.dueDate': 'due after the event ends',
      });
    });
    await user.click(row(1).getByRole('checkbox', { name: 'Waive' }));
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the plan: the balance is due after the event.');
    expect(row(1).getByText('Due after the event ends')).toBeTruthy();
    expect(row(1).getByRole('checkbox', { name: 'Waive' })).toHaveProperty('checked', true);
    expect(sent).toHaveLength(1);
    expect(saved).toEqual([]);
  });
});
