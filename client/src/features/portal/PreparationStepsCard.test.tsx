// @vitest-environment happy-dom
import type { PreparationMilestone } from '@mandap/shared/live';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { PreparationStepsCard } from './PreparationStepsCard.tsx';
import { portalKeys } from './portal.api.ts';

afterEach(cleanup);

const EVENT = 'ev-1';
const ADDED = {
  step: {
    id: 'st-1',
    eventId: EVENT,
    title: 'Floral arrangements confirmed',
    dueDate: '2026-12-10',
    clientVisible: true,
    doneAt: null,
  } satisfies PreparationMilestone,
};

type Sent = Parameters<NonNullable<Parameters<typeof PreparationStepsCard>[0]['add']>>[0];

function renderSteps(answer: (s: Sent) => Promise<typeof ADDED> = async () => ADDED) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<PreparationStepsCard eventId={EVENT} add={submit} />, [
    [portalKeys.steps(EVENT), { steps: [] }],
  ]);
  return {
    ...view,
    sent: calls,
    add: screen.getByRole('button', { name: 'Add step' }),
    title: screen.getByRole('textbox', { name: 'Step' }) as HTMLInputElement,
    by: screen.getByRole('textbox', { name: 'By' }) as HTMLInputElement,
  };
}

describe('the add-a-preparation-step form', { timeout: 60_000 }, () => {
  it('asks for the step under its field, and sends nothing', async () => {
    const { user, sent, add, title } = renderSteps();
    await user.type(title, '   ');
    await user.click(add);
    expect(await screen.findByText('Name the step')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('adds the parsed step once, even clicked twice, then clears only its name', async () => {
    let answer: (v: typeof ADDED) => void = () => {};
    const { user, sent, add, title, by } = renderSteps(() => new Promise((resolve) => (answer = resolve)));
    await user.type(title, ' Floral arrangements confirmed ');
    await user.type(by, '10/12/2026{Enter}');
    await user.click(add);
    await user.click(add);
    expect(sent).toEqual([{ title: 'Floral arrangements confirmed', dueDate: '2026-12-10', clientVisible: true }]);
    expect(add.hasAttribute('disabled')).toBe(true);
    answer(ADDED);
    await expect.poll(() => title.value).toBe('');
    expect(by.value).toBe('10/12/2026');
    expect(sent).toHaveLength(1);
  });

  it('sends a step kept from the client with no date', async () => {
    const { user, sent, add, title } = renderSteps();
    await user.type(title, 'Internal: chase the tent vendor');
    await user.click(screen.getByRole('switch', { name: 'Client sees it' }));
    await user.click(add);
    await expect
      .poll(() => sent)
      .toEqual([{ title: 'Internal: chase the tent vendor', dueDate: null, clientVisible: false }]);
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { user, sent, add, title } = renderSteps(async () => {
      throw new ApiError(403, 'forbidden', 'You are not on this event.');
    });
    await user.type(title, 'Mehendi artist booked');
    await user.click(add);
    expect((await screen.findByRole('alert')).textContent).toBe('You are not on this event.');
    expect(title.value).toBe('Mehendi artist booked');
    expect(sent).toHaveLength(1);
  });
});
