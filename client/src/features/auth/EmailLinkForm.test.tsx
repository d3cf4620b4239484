// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { EmailLinkForm } from './EmailLinkForm.tsx';

afterEach(cleanup);

function renderLinkForm(answer: (email: string) => Promise<unknown> = async () => ({ ok: true }), initialEmail = '') {
  const { calls, submit } = recorder(answer);
  const view = renderForm(
    <EmailLinkForm
      initialEmail={initialEmail}
      send={submit}
      submitLabel="Email me a sign-in link"
      sentText="If that email belongs to one of our clients, a sign-in link is on its way."
      onBack={() => {}}
    />,
  );
  return { ...view, sent: calls, button: screen.getByRole('button', { name: 'Email me a sign-in link' }) };
}

describe('the email-link form (password reset, client sign-in link)', { timeout: 40_000 }, () => {
  it('asks for the email under its field when it is left blank, and sends nothing', async () => {
    const { user, sent, button } = renderLinkForm();
    await user.click(button);
    expect(await screen.findByText('Enter your email')).toBeTruthy();
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it("refuses an address that is not one with the shared rule's message, and sends nothing", async () => {
    const { user, sent, button } = renderLinkForm();
    await user.type(screen.getByLabelText(/^Email/), 'ananya@');
    await user.click(button);
    expect(await screen.findByText('Enter a valid email address, like name@example.com')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the email as the server reads it, once, then says the link is on its way', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, button } = renderLinkForm(() => new Promise((resolve) => (answer = resolve)), 'x');
    const email = screen.getByLabelText(/^Email/);
    await user.clear(email);
    await user.type(email, '  Client@Mandap.Demo ');
    await user.click(button);
    await user.click(button);
    expect(sent).toEqual(['client@mandap.demo']);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer({ ok: true });
    expect((await screen.findByRole('status')).textContent).toContain('a sign-in link is on its way');
    expect(sent).toHaveLength(1);
  });

  it("shows the server's refusal and keeps the email typed", async () => {
    const { user, sent, button } = renderLinkForm(async () => {
      throw new ApiError(429, 'rate_limited', 'Too many link requests: try again in 10 minutes.');
    });
    await user.type(screen.getByLabelText(/^Email/), 'client@mandap.demo');
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('Too many link requests: try again in 10 minutes.');
    expect((screen.getByLabelText(/^Email/) as HTMLInputElement).value).toBe('client@mandap.demo');
    expect(screen.queryByRole('status')).toBeNull();
    expect(sent).toHaveLength(1);
  });
});
