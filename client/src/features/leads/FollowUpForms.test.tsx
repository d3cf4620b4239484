// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import {
  type CompleteFollowUp,
  CompleteFollowUpForm,
  PlanFollowUpForm,
  type ScheduleFollowUp,
} from './FollowUpForms.tsx';

afterEach(cleanup);

function renderPlan(answer: (r: ScheduleFollowUp) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const planned: true[] = [];
  const view = renderForm(<PlanFollowUpForm schedule={submit} onPlanned={() => planned.push(true)} />);
  return { ...view, sent: calls, planned, plan: screen.getByRole('button', { name: 'Plan' }) };
}

/** Picks the 15th of the month the picker opens on at 10:30 AM; returns that day as yyyy-mm-dd. */
async function pickThe15th(user: ReturnType<typeof renderPlan>['user']) {
  await user.click(screen.getByLabelText('Next follow-up (IST)'));
  const shown = new Date();
  const month = shown.toLocaleString('en-GB', { month: 'long' });
  await user.click(screen.getByRole('button', { name: `15 ${month} ${shown.getFullYear()}` }));
  const [hours, minutes] = screen.getAllByRole('spinbutton');
  await user.type(hours!, '10');
  await user.type(minutes!, '30');
  await user.selectOptions(screen.getByRole('combobox'), 'AM');
  const dropdown = screen.getByRole('dialog');
  const buttons = within(dropdown).getAllByRole('button');
  await user.click(buttons[buttons.length - 1]!); // the picker's confirm (check mark)
  return `${shown.getFullYear()}-${String(shown.getMonth() + 1).padStart(2, '0')}-15`;
}

describe('the plan-a-follow-up form', { timeout: 60_000 }, () => {
  it('asks for the day and time under the picker, and sends nothing', async () => {
    const { user, sent, plan } = renderPlan();
    await user.type(screen.getByLabelText('What for'), 'Send décor references');
    await user.click(plan);
    expect(await screen.findByText('Pick the day and time of the follow-up')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the follow-up once: the picked India wall time as an instant, the note trimmed', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, planned, plan } = renderPlan(() => new Promise((resolve) => (answer = resolve)));
    const day = await pickThe15th(user);
    await user.type(screen.getByLabelText('What for'), '  Send décor references ');
    await user.click(plan);
    await user.click(plan);
    expect(plan.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => planned).toEqual([true]);
    // 10:30 in India is 05:00 UTC, whatever the zone of the machine running the test.
    expect(sent).toEqual([{ dueAt: `${day}T05:00:00.000Z`, note: 'Send décor references' }]);
    await expect.poll(() => (screen.getByLabelText('What for') as HTMLInputElement).value).toBe('');
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { user, sent, planned, plan } = renderPlan(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        note: 'use at most 500 characters',
      });
    });
    await pickThe15th(user);
    await user.type(screen.getByLabelText('What for'), 'Call about the sangeet');
    await user.click(plan);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('Use at most 500 characters')).toBeTruthy();
    expect((screen.getByLabelText('What for') as HTMLInputElement).value).toBe('Call about the sangeet');
    expect(sent).toHaveLength(1);
    expect(planned).toEqual([]);
  });
});

function renderComplete(answer: (r: CompleteFollowUp) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const completed: true[] = [];
  const view = renderForm(<CompleteFollowUpForm complete={submit} onCompleted={() => completed.push(true)} />);
  return { ...view, sent: calls, completed, done: screen.getByRole('button', { name: 'Mark done' }) };
}

describe('the complete-a-follow-up form', { timeout: 60_000 }, () => {
  it('refuses an outcome longer than the request allows, under its field, and sends nothing', async () => {
    const { user, sent, done } = renderComplete();
    await user.click(screen.getByLabelText('Outcome (optional)'));
    await user.paste('x'.repeat(501));
    await user.click(done);
    expect(await screen.findByText('Use at most 500 characters')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends once, a blank outcome left out, even when clicked twice', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, completed, done } = renderComplete(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Outcome (optional)'), '   ');
    await user.click(done);
    await user.click(done);
    expect(done.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => completed).toEqual([true]);
    expect(sent).toEqual([{}]);
  });

  it('sends the outcome trimmed', async () => {
    const { user, sent, completed, done } = renderComplete();
    await user.type(screen.getByLabelText('Outcome (optional)'), ' Sent the moodboard ');
    await user.click(done);
    await expect.poll(() => completed).toEqual([true]);
    expect(sent).toEqual([{ outcome: 'Sent the moodboard' }]);
  });

  it("shows the server's refusal and keeps the outcome", async () => {
    const { user, sent, completed, done } = renderComplete(async () => {
      throw new ApiError(409, 'conflict', 'This follow-up is already done.');
    });
    await user.type(screen.getByLabelText('Outcome (optional)'), 'Sent the moodboard');
    await user.click(done);
    expect((await screen.findByRole('alert')).textContent).toBe('This follow-up is already done.');
    expect((screen.getByLabelText('Outcome (optional)') as HTMLInputElement).value).toBe('Sent the moodboard');
    expect(sent).toHaveLength(1);
    expect(completed).toEqual([]);
  });
});
