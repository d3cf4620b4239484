// @vitest-environment happy-dom
import type { AcceptQuote, DeclineQuote, RequestChanges } from '@mandap/shared/quotes';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { RespondToQuote } from './RespondToQuote.tsx';

afterEach(cleanup);

const LABEL = 'QT-2026-0007 v2';

function renderRespond(
  accept: (a: AcceptQuote) => Promise<unknown> = async () => ({}),
  answer: { decline?: (d: DeclineQuote) => Promise<unknown>; changes?: (c: RequestChanges) => Promise<unknown> } = {},
) {
  const accepted = recorder(accept);
  const declined = recorder(answer.decline ?? (async (_: DeclineQuote) => ({})));
  const changes = recorder(answer.changes ?? (async (_: RequestChanges) => ({})));
  const view = renderForm(
    <RespondToQuote
      label={LABEL}
      answers={{ accept: accepted.submit, decline: declined.submit, requestChanges: changes.submit }}
    />,
  );
  return { ...view, accepted: accepted.calls, declined: declined.calls, changes: changes.calls };
}

describe("the client's answer on a public quote", { timeout: 40_000 }, () => {
  it('refuses to accept without the terms ticked, naming the box, and sends nothing', async () => {
    const { user, accepted } = renderRespond();
    await user.type(screen.getByLabelText('Your full name'), 'Anaya Mehta');
    await user.click(screen.getByRole('button', { name: `Accept ${LABEL}` }));
    expect(await screen.findByText('Tick the box to accept the terms')).toBeTruthy();
    expect(accepted).toEqual([]);
  });

  it('asks for the full name under its field, and sends nothing', async () => {
    const { user, accepted } = renderRespond();
    await user.type(screen.getByLabelText('Your full name'), 'A');
    await user.click(screen.getByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: `Accept ${LABEL}` }));
    expect(await screen.findByText('Type your full name to accept')).toBeTruthy();
    expect(screen.getByLabelText('Your full name').getAttribute('aria-invalid')).toBe('true');
    expect(accepted).toEqual([]);
  });

  it('sends the acceptance once, the name trimmed, with the button held while it goes', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, accepted } = renderRespond(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Your full name'), '  Anaya Mehta ');
    await user.click(screen.getByRole('checkbox', { name: /I have read and accept/ }));
    const button = screen.getByRole('button', { name: `Accept ${LABEL}` });
    await user.click(button);
    await user.click(button);
    expect(accepted).toEqual([{ name: 'Anaya Mehta', acceptTerms: true }]);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => button.hasAttribute('disabled')).toBe(false);
    expect(accepted).toHaveLength(1);
  });

  it("shows the server's refusal (the quote changed meanwhile) and keeps the name", async () => {
    const { user, accepted } = renderRespond(async () => {
      throw new ApiError(409, 'conflict', 'Version 2 was replaced by version 3: open the newest link.');
    });
    await user.type(screen.getByLabelText('Your full name'), 'Anaya Mehta');
    await user.click(screen.getByRole('checkbox', { name: /I have read and accept/ }));
    await user.click(screen.getByRole('button', { name: `Accept ${LABEL}` }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Version 2 was replaced by version 3: open the newest link.',
    );
    expect((screen.getByLabelText('Your full name') as HTMLInputElement).value).toBe('Anaya Mehta');
    expect(accepted).toHaveLength(1);
  });

  it('declines with the name carried over from the accept form, a blank reason sent as none', async () => {
    const { user, declined } = renderRespond();
    await user.type(screen.getByLabelText('Your full name'), 'Anaya Mehta');
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Anaya Mehta');
    await user.type(screen.getByLabelText('Reason (optional)'), '   ');
    await user.click(screen.getByRole('button', { name: `Decline ${LABEL}` }));
    await expect.poll(() => declined).toEqual([{ name: 'Anaya Mehta', reason: null }]);
  });

  it('asks what should change before sending a change request, then thanks the client', async () => {
    const { user, changes } = renderRespond();
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    await user.type(screen.getByLabelText('Your name'), 'Anaya Mehta');
    await user.click(screen.getByRole('button', { name: 'Send to the team' }));
    expect(await screen.findByText('Say what you would like changed')).toBeTruthy();
    expect(changes).toEqual([]);
    await user.type(screen.getByLabelText('What would you like changed?'), 'Fewer starters, one more live counter');
    await user.click(screen.getByRole('button', { name: 'Send to the team' }));
    expect(await screen.findByText(/we have your note/)).toBeTruthy();
    expect(changes).toEqual([{ name: 'Anaya Mehta', message: 'Fewer starters, one more live counter' }]);
  });

  it("shows the server's refusal of a decline and keeps the name and the reason", async () => {
    const { user, declined } = renderRespond(undefined, {
      decline: async () => {
        throw new ApiError(409, 'conflict', 'This quote was already accepted.');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Decline' }));
    await user.type(screen.getByLabelText('Your name'), 'Anaya Mehta');
    await user.type(screen.getByLabelText('Reason (optional)'), 'Going with a smaller function');
    await user.click(screen.getByRole('button', { name: `Decline ${LABEL}` }));
    expect((await screen.findByRole('alert')).textContent).toBe('This quote was already accepted.');
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Anaya Mehta');
    expect((screen.getByLabelText('Reason (optional)') as HTMLTextAreaElement).value).toBe(
      'Going with a smaller function',
    );
    expect(declined).toEqual([{ name: 'Anaya Mehta', reason: 'Going with a smaller function' }]);
  });

  it('sends a change request once even when clicked twice, and names a too-short name under its field', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, changes } = renderRespond(undefined, {
      changes: () => new Promise((resolve) => (answer = resolve)),
    });
    await user.click(screen.getByRole('button', { name: 'Request changes' }));
    await user.type(screen.getByLabelText('Your name'), 'A');
    await user.type(screen.getByLabelText('What would you like changed?'), 'One more live counter');
    const send = screen.getByRole('button', { name: 'Send to the team' });
    await user.click(send);
    expect(await screen.findByText('Tell us your name')).toBeTruthy();
    expect(changes).toEqual([]);
    await user.type(screen.getByLabelText('Your name'), 'naya Mehta');
    await user.click(send);
    await user.click(send);
    expect(changes).toEqual([{ name: 'Anaya Mehta', message: 'One more live counter' }]);
    answer({});
    expect(await screen.findByText(/we have your note/)).toBeTruthy();
    expect(changes).toHaveLength(1);
  });
});
