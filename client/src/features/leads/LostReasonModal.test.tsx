// @vitest-environment happy-dom
import type { LeadSummary, MoveLead } from '@mandap/shared/leads';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { LostReasonModal } from './LostReasonModal.tsx';

afterEach(cleanup);

const LEAD: LeadSummary = {
  id: '0192f0a0-0000-7000-8000-00000000c001',
  code: 'LD-0042',
  name: 'Anaya Mehta',
  phone: '+919820012345',
  email: null,
  source: 'manual',
  stage: 'contacted',
  temperature: 'warm',
  ownerId: null,
  ownerName: null,
  eventType: null,
  eventDate: null,
  city: 'Mumbai',
  budgetMaxMinor: null,
  budgetCurrency: 'INR',
  nextFollowUpAt: null,
  createdAt: '2026-11-01T05:30:00.000Z',
};

function renderLost(answer: (m: MoveLead) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const moved: true[] = [];
  const view = renderForm(
    <LostReasonModal lead={LEAD} move={submit} onCancel={() => {}} onMoved={() => moved.push(true)} />,
  );
  return { ...view, sent: calls, moved, confirm: screen.getByRole('button', { name: 'Mark as lost' }) };
}

describe('the mark-as-lost modal', { timeout: 60_000 }, () => {
  it("asks for a reason with the lifecycle's own rule under the field, and sends nothing", async () => {
    const { user, sent, confirm } = renderLost();
    await user.type(screen.getByLabelText('Reason'), ' no ');
    await user.click(confirm);
    expect(await screen.findByText('Say why the lead was lost (at least 3 characters).')).toBeTruthy();
    expect(screen.getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('sends the move once, the reason trimmed, even when clicked twice', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, moved, confirm } = renderLost(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Reason'), '  Went with another planner ');
    await user.click(confirm);
    await user.click(confirm);
    expect(sent).toEqual([{ stage: 'lost', lostReason: 'Went with another planner' }]);
    expect(confirm.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => moved).toEqual([true]);
    expect(sent).toHaveLength(1);
  });

  it("shows the server's refusal and keeps the reason as typed", async () => {
    const { user, sent, moved, confirm } = renderLost(async () => {
      throw new ApiError(
        409,
        'conflict',
        'The lead is Won: its booking is confirmed, so changes go through the event.',
      );
    });
    await user.type(screen.getByLabelText('Reason'), 'Budget too low');
    await user.click(confirm);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The lead is Won: its booking is confirmed, so changes go through the event.',
    );
    expect((screen.getByLabelText('Reason') as HTMLTextAreaElement).value).toBe('Budget too low');
    expect(sent).toHaveLength(1);
    expect(moved).toEqual([]);
  });
});
