// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { held, recorder, renderForm } from '../../ui/testing.tsx';
import { CreatePlanForm } from './CreatePlanForm.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e042';

describe('creating the milestone plan', { timeout: 60_000 }, () => {
  it('sends the standard template by default, once however often it is pressed, then says it is made', async () => {
    const { answer, release } = held();
    const { calls, submit } = recorder(answer);
    let created = 0;
    const { user } = renderForm(<CreatePlanForm eventId={EVENT_ID} send={submit} onCreated={() => created++} />);
    expect((screen.getByRole('combobox', { name: 'Template' }) as HTMLInputElement).value).toBe(
      '30% on acceptance · 50% 30 days before · 20% on the day',
    );
    const create = screen.getByRole('button', { name: 'Create plan' });
    await user.click(create);
    await user.click(create);
    expect(calls).toEqual([{ eventId: EVENT_ID, template: 'standard' }]);
    expect(created).toBe(0);
    release();
    await expect.poll(() => created).toBe(1);
  });

  it('sends the template chosen', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<CreatePlanForm eventId={EVENT_ID} send={submit} onCreated={() => {}} />);
    await user.click(screen.getByRole('combobox', { name: 'Template' }));
    await user.click(await screen.findByRole('option', { name: '50% on acceptance · 50% a week before' }));
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(calls).toEqual([{ eventId: EVENT_ID, template: 'half_half' }]);
  });

  it("shows the server's refusal on the form and keeps the choice", async () => {
    const { calls, submit } = recorder(async () => {
      throw new ApiError(409, 'conflict', 'This event already has a milestone plan.');
    });
    let created = 0;
    const { user } = renderForm(<CreatePlanForm eventId={EVENT_ID} send={submit} onCreated={() => created++} />);
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This event already has a milestone plan.');
    expect(calls).toHaveLength(1);
    expect(created).toBe(0);
  });
});
