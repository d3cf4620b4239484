// @vitest-environment happy-dom
import type { InviteUser } from '@mandap/shared/auth';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { InviteUserForm } from './InviteUserModal.tsx';

afterEach(cleanup);

const INVITED = { user: { name: 'Kavya Iyer' } };

function renderInvite(answer: (r: InviteUser) => Promise<typeof INVITED> = async () => INVITED) {
  const { calls, submit } = recorder(answer);
  const closed: true[] = [];
  const view = renderForm(<InviteUserForm actorRole="manager" onClose={() => closed.push(true)} invite={submit} />);
  return { ...view, sent: calls, closed, send: screen.getByRole('button', { name: 'Send invitation' }) };
}

async function chooseRole(user: ReturnType<typeof renderInvite>['user'], role: string) {
  await user.click(screen.getByRole('combobox', { name: /^Role/ }));
  await user.click(await screen.findByRole('option', { name: role }, { timeout: 10_000 }));
}

describe('the invite-user form', { timeout: 60_000 }, () => {
  it('asks for a role in words and names a bad email, and sends nothing', async () => {
    const { user, sent, send } = renderInvite();
    await user.type(screen.getByLabelText(/^Full name/), 'Kavya Iyer');
    await user.type(screen.getByLabelText(/^Email/), 'kavya@');
    await user.click(send);
    expect(await screen.findByText('Choose a role')).toBeTruthy();
    expect(screen.getByText('Enter a valid email address, like name@example.com')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('offers a manager every role but super admin', async () => {
    const { user } = renderInvite();
    await user.click(screen.getByRole('combobox', { name: /^Role/ }));
    const options = (await screen.findAllByRole('option', {}, { timeout: 10_000 })).map((o) => o.textContent);
    expect(options).toContain('Finance');
    expect(options).not.toContain('Super admin');
  });

  it('sends the invitation once, the email as the server keeps it, a blank phone left out', async () => {
    let answer: (v: typeof INVITED) => void = () => {};
    const { user, sent, closed, send } = renderInvite(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText(/^Full name/), ' Kavya Iyer ');
    await user.type(screen.getByLabelText(/^Email/), 'Kavya.Iyer@Gulmohar.in');
    await chooseRole(user, 'Finance');
    await user.click(send);
    await user.click(send);
    expect(sent).toHaveLength(1);
    expect(send.hasAttribute('disabled')).toBe(true);
    answer(INVITED);
    await expect.poll(() => closed).toEqual([true]);
    expect(sent).toEqual([{ name: 'Kavya Iyer', email: 'kavya.iyer@gulmohar.in', role: 'finance' }]);
  });

  it("puts the server's refusal under the email, and keeps the form", async () => {
    const { user, sent, closed, send } = renderInvite(async () => {
      throw new ApiError(409, 'conflict', 'That email already has an account.', { email: 'already has an account' });
    });
    await user.type(screen.getByLabelText(/^Full name/), 'Kavya Iyer');
    await user.type(screen.getByLabelText(/^Email/), 'kavya@gulmohar.in');
    await chooseRole(user, 'Sales');
    await user.click(send);
    expect((await screen.findByRole('alert')).textContent).toBe('That email already has an account.');
    expect(screen.getByText('Already has an account')).toBeTruthy();
    expect((screen.getByLabelText(/^Full name/) as HTMLInputElement).value).toBe('Kavya Iyer');
    expect(sent).toHaveLength(1);
    expect(closed).toEqual([]);
  });
});
