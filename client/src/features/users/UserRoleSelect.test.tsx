// @vitest-environment happy-dom
import type { UpdateUser } from '@mandap/shared/auth';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { assignableRoleOptions } from './assignableRoles.ts';
import { KAVYA } from './testUser.ts';
import { UserRoleSelect } from './UserRoleSelect.tsx';

afterEach(cleanup);

function renderRole(answer: (p: UpdateUser) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<UserRoleSelect user={KAVYA} options={assignableRoleOptions('manager')} change={submit} />);
  return { ...view, sent: calls, select: screen.getByRole('combobox', { name: 'Role of Kavya Iyer' }) };
}

async function pick(user: ReturnType<typeof renderRole>['user'], role: string) {
  await user.click(screen.getByRole('combobox', { name: 'Role of Kavya Iyer' }));
  await user.click(await screen.findByRole('option', { name: role }, { timeout: 10_000 }));
}

describe("a user's role cell", { timeout: 60_000 }, () => {
  it('offers only the roles the admin may grant, and picking the role held sends nothing', async () => {
    const { user, sent } = renderRole();
    await user.click(screen.getByRole('combobox', { name: 'Role of Kavya Iyer' }));
    const options = (await screen.findAllByRole('option', {}, { timeout: 10_000 })).map((o) => o.textContent);
    expect(options).toContain('Operations');
    expect(options).not.toContain('Super admin');
    await user.click(screen.getByRole('option', { name: 'Sales' }));
    expect(sent).toEqual([]);
  });

  it('sends the parsed change once, and holds the select while it is on its way', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, select } = renderRole(() => new Promise((resolve) => (answer = resolve)));
    await pick(user, 'Operations');
    expect(sent).toEqual([{ role: 'operations' }]);
    expect(select.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => select.hasAttribute('disabled')).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it("shows the server's refusal under the select, keeping the role picked; going back clears it", async () => {
    const { user, sent, select } = renderRole(async () => {
      throw new ApiError(403, 'forbidden', 'You cannot change your own role. Ask another admin.');
    });
    await pick(user, 'Finance');
    expect(await screen.findByText('You cannot change your own role. Ask another admin.')).toBeTruthy();
    expect((select as HTMLInputElement).value).toBe('Finance');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([{ role: 'finance' }]);
    await pick(user, 'Sales');
    await expect.poll(() => screen.queryByText('You cannot change your own role. Ask another admin.')).toBeNull();
    expect(sent).toHaveLength(1);
  });
});
