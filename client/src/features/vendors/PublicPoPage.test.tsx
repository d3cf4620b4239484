// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { AcceptPoForm } from './PublicPoPage.tsx';

afterEach(cleanup);

function renderAccept(answer: (r: { name: string }) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<AcceptPoForm accept={submit} />);
  return { ...view, sent: calls, accept: screen.getByRole('button', { name: 'Accept PO' }) };
}

describe("the vendor's acceptance of a PO", { timeout: 60_000 }, () => {
  it('asks for a typed name under its field, and sends nothing', async () => {
    const { user, sent, accept } = renderAccept();
    await user.type(screen.getByLabelText('Your name'), ' F ');
    await user.click(accept);
    expect(await screen.findByText('Type your name to accept')).toBeTruthy();
    expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('sends the name, trimmed, once even when clicked twice', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, accept } = renderAccept(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Your name'), '  Farida Khan ');
    await clickTwiceWhileHeld(user, accept, sent, () => answer({}));
    await expect.poll(() => accept.hasAttribute('disabled')).toBe(false);
    expect(sent).toEqual([{ name: 'Farida Khan' }]);
  });

  it("shows the server's refusal and keeps the name typed", async () => {
    const { user, sent, accept } = renderAccept(async () => {
      throw new ApiError(410, 'gone', 'This link was withdrawn: ask the house for a new one.');
    });
    await user.type(screen.getByLabelText('Your name'), 'Farida Khan');
    await user.click(accept);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This link was withdrawn: ask the house for a new one.',
    );
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Farida Khan');
    expect(sent).toHaveLength(1);
  });
});
