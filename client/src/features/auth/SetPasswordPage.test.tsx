// @vitest-environment happy-dom
import { PASSWORD_MIN_LENGTH } from '@mandap/shared/common';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { SetPasswordForm } from './SetPasswordPage.tsx';

afterEach(cleanup);

const TOKEN = 'a-reset-token-from-the-link-0123456789';

/** The form on its page, with the link's token, and a record of what it submitted. */
function renderForm(answer: (token: string, password: string) => Promise<unknown> = async () => ({ ok: true })) {
  const sent: [string, string][] = [];
  render(
    <MantineProvider>
      <MemoryRouter initialEntries={[`/reset-password?token=${TOKEN}`]}>
        <SetPasswordForm
          title="Choose a new password"
          subtitle="Pick a password you do not use anywhere else."
          submitLabel="Save new password"
          doneMessage="Your password is changed."
          submit={(token, password) => {
            sent.push([token, password]);
            return answer(token, password);
          }}
        />
      </MemoryRouter>
    </MantineProvider>,
  );
  return { sent, user: userEvent.setup() };
}

describe('the set-password form (reset and invite links)', () => {
  it('refuses a password shorter than the shared minimum, and sends nothing', async () => {
    const { sent, user } = renderForm();
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    await user.type(screen.getByLabelText(/^New password/), short);
    await user.type(screen.getByLabelText(/^Repeat new password/), short);
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByText(`Use at least ${PASSWORD_MIN_LENGTH} characters`)).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('refuses two different passwords under the repeat field, and sends nothing', async () => {
    const { sent, user } = renderForm();
    await user.type(screen.getByLabelText(/^New password/), 'marigold-garland-42');
    await user.type(screen.getByLabelText(/^Repeat new password/), 'marigold-garland-43');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByText('The two passwords do not match')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the token and the password once, then says it is done', async () => {
    const { sent, user } = renderForm();
    await user.type(screen.getByLabelText(/^New password/), 'marigold-garland-42');
    await user.type(screen.getByLabelText(/^Repeat new password/), 'marigold-garland-42{Enter}');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Your password is changed.');
    expect(sent).toEqual([[TOKEN, 'marigold-garland-42']]);
  });

  it("shows the server's refusal with its field message, and keeps the form", async () => {
    const { sent, user } = renderForm(async () => {
      throw new ApiError(400, 'validation_failed', 'The link has expired.', { token: 'ask for a new link' });
    });
    await user.type(screen.getByLabelText(/^New password/), 'marigold-garland-42');
    await user.type(screen.getByLabelText(/^Repeat new password/), 'marigold-garland-42');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The link has expired. (ask for a new link)');
    expect(sent).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Save new password' })).toBeTruthy();
  });
});
