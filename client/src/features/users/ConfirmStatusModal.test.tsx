// @vitest-environment happy-dom
import type { User } from '@mandap/shared/auth';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { ConfirmStatusForm, type SetActive } from './ConfirmStatusModal.tsx';
import { KAVYA } from './testUser.ts';

afterEach(cleanup);

function renderConfirm(user: User, answer: (r: SetActive) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const closed: true[] = [];
  const view = renderForm(<ConfirmStatusForm user={user} onClose={() => closed.push(true)} setActive={submit} />);
  return { ...view, sent: calls, closed };
}

describe('the deactivate / reactivate confirmation', { timeout: 60_000 }, () => {
  it('deactivates once, even clicked twice, then closes', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, closed } = renderConfirm(KAVYA, () => new Promise((resolve) => (answer = resolve)));
    const button = screen.getByRole('button', { name: 'Deactivate' });
    await user.click(button);
    await user.click(button);
    expect(sent).toEqual([{ id: 'u-kavya', active: false }]);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => closed).toEqual([true]);
    expect(sent).toHaveLength(1);
  });

  it('reactivates a deactivated account', async () => {
    const { user, sent, closed } = renderConfirm({ ...KAVYA, status: 'deactivated' });
    await user.click(screen.getByRole('button', { name: 'Reactivate' }));
    await expect.poll(() => closed).toEqual([true]);
    expect(sent).toEqual([{ id: 'u-kavya', active: true }]);
  });

  it("shows the server's refusal in the dialog and stays open", async () => {
    const { user, sent, closed } = renderConfirm(KAVYA, async () => {
      throw new ApiError(403, 'forbidden', 'You cannot deactivate your own account.');
    });
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot deactivate your own account.');
    expect(screen.getByRole('button', { name: 'Deactivate' })).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(closed).toEqual([]);
  });
});
