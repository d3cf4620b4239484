// @vitest-environment happy-dom
import type { EventAccessCandidate } from '@mandap/shared/access';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { AddAccessForm, type AddAccessRequest } from './AddAccessForm.tsx';

afterEach(cleanup);

const VENDOR: EventAccessCandidate = {
  userId: '0192f0a0-0000-7000-8000-00000000b001',
  name: 'Imran Qureshi',
  email: 'imran@noor.example',
  role: 'vendor',
  vendorName: 'Noor Decor',
};
const CLIENT: EventAccessCandidate = {
  userId: '0192f0a0-0000-7000-8000-00000000b002',
  name: 'Ananya Kapoor',
  email: 'ananya@example.in',
  role: 'client',
  vendorName: null,
};

function renderAdd(answer: (r: AddAccessRequest) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  let cancelled = 0;
  const view = renderForm(
    <AddAccessForm candidates={[VENDOR, CLIENT]} onAdd={submit} onCancel={() => (cancelled += 1)} />,
  );
  return { ...view, sent: calls, cancelled: () => cancelled, add: screen.getByRole('button', { name: 'Add' }) };
}

async function pick(user: ReturnType<typeof renderAdd>['user'], name: RegExp) {
  await user.click(screen.getByRole('combobox', { name: 'Person' }));
  await user.click(await screen.findByRole('option', { name }));
}

/** The access levels offered (their values), each found by its visible name. */
const levels = (...names: string[]) => {
  for (const name of names) expect(screen.getByRole('radio', { name })).toBeTruthy();
  return screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
};

describe('the add-a-person form', { timeout: 40_000 }, () => {
  it('asks for a person under the field and sends nothing', async () => {
    const { user, sent, add } = renderAdd();
    await user.click(add);
    expect(await screen.findByText('Choose a person')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('a vendor is offered edit (chosen for them) or view only; the choice is sent once', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, add } = renderAdd(() => new Promise((resolve) => (answer = resolve)));
    await pick(user, /Imran Qureshi · Vendor \(Noor Decor\)/);
    expect(levels('View only', 'Can edit')).toEqual(['read', 'write']);
    expect((screen.getByRole('radio', { name: 'Can edit' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'View only' }));
    await user.click(add);
    await user.click(add);
    expect(sent).toEqual([{ userId: VENDOR.userId, access: 'read' }]);
    answer({});
  });

  it('a client can only be given view-only access', async () => {
    const { user, sent, add } = renderAdd();
    await pick(user, /Ananya Kapoor · Client/);
    expect(levels('View only')).toEqual(['read']);
    await user.click(add);
    await expect.poll(() => sent).toEqual([{ userId: CLIENT.userId, access: 'read' }]);
  });

  it("puts the server's refusal under the field it names and in the banner, and keeps the choice", async () => {
    const { user, sent, add } = renderAdd(async () => {
      throw new ApiError(422, 'unprocessable', 'A client reads their event; only vendors can be given write access.', {
        access: 'clients get read access only',
      });
    });
    await pick(user, /Imran Qureshi/);
    await user.click(add);
    expect((await screen.findByText('Clients get read access only')).getAttribute('role')).toBe('alert');
    expect(screen.getByText('A client reads their event; only vendors can be given write access.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Person' }) as HTMLInputElement).value).toContain('Imran Qureshi');
    expect(sent).toHaveLength(1);
  });

  it('cancel leaves without sending', async () => {
    const { user, sent, cancelled } = renderAdd();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelled()).toBe(1);
    expect(sent).toEqual([]);
  });
});
