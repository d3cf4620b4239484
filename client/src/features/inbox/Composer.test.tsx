// @vitest-environment happy-dom
import { type InboxReply, TEMPLATES } from '@mandap/shared/notifications';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { Composer } from './Composer.tsx';

afterEach(cleanup);

/** The template list as the edge answers it, read by the composer's picker. */
const TEMPLATE_LIST: [readonly unknown[], unknown] = [
  ['notifications', 'templates'],
  { templates: TEMPLATES.map((t) => ({ ...t, variables: [...t.variables] })) },
];
const CLOSED = 'More than 24 hours since the contact last wrote: WhatsApp allows only an approved template.';

function renderComposer({
  windowOpen = true,
  answer = async () => ({ id: 'm1', status: 'sent', error: null }),
}: {
  windowOpen?: boolean;
  answer?: (reply: InboxReply) => Promise<unknown>;
} = {}) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(
    <Composer phone="+919820012345" windowOpen={windowOpen} windowReason={windowOpen ? null : CLOSED} send={submit} />,
    [TEMPLATE_LIST],
  );
  return { ...view, sent: calls };
}

/** Picks a template in the Select as a person does: opens it, clicks the option. */
async function pickTemplate(user: ReturnType<typeof renderForm>['user'], label: string) {
  await user.click(screen.getByRole('combobox', { name: 'Template' }));
  await user.click(await screen.findByRole('option', { name: new RegExp(label) }, { timeout: 10_000 }));
}

describe('the WhatsApp reply composer', { timeout: 60_000 }, () => {
  it('asks for a message under the reply box when only spaces were typed, and sends nothing', async () => {
    const { user, sent } = renderComposer();
    await user.type(screen.getByLabelText('Reply'), '   ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Write a message')).toBeTruthy();
    expect(screen.getByLabelText('Reply').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('outside the 24-hour window offers only a template, says why, and asks for one before sending', async () => {
    const { user, sent } = renderComposer({ windowOpen: false });
    expect(screen.getByText(CLOSED)).toBeTruthy();
    expect(screen.queryByLabelText('Reply')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Write free text' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(await screen.findByText('Pick a template')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("names a template's variable left blank (the edge's render check), and sends nothing", async () => {
    const { user, sent } = renderComposer({ windowOpen: false });
    await pickTemplate(user, 'Seasonal offer');
    expect(screen.queryByLabelText('name')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(await screen.findByText('Fill in offer')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the trimmed text once though the button is clicked twice, then clears the box', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent } = renderComposer({ answer: () => new Promise((resolve) => (answer = resolve)) });
    await user.type(screen.getByLabelText('Reply'), '  Yes! Shall I call you at 5 pm?  ');
    const send = screen.getByRole('button', { name: 'Send' });
    await user.click(send);
    await user.click(send);
    // The request as the shared schema parses it (no variables for free text).
    expect(sent).toEqual([{ text: 'Yes! Shall I call you at 5 pm?', variables: {} }]);
    answer({ id: 'm1', status: 'sent', error: null });
    await expect.poll(() => (screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('');
    expect(sent).toHaveLength(1);
  });

  it('sends a chosen template with its variables once though Enter is pressed twice', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent } = renderComposer({ answer: () => new Promise((resolve) => (answer = resolve)) });
    await user.click(screen.getByRole('button', { name: 'Use a template' }));
    await pickTemplate(user, 'Seasonal offer');
    await user.type(screen.getByLabelText('offer'), 'a few December dates are still open.{Enter}{Enter}');
    expect(sent).toEqual([
      { template: 'broadcast_offer', variables: { offer: 'a few December dates are still open.' } },
    ]);
    answer({ id: 'm2', status: 'sent', error: null });
    await expect.poll(() => (screen.getByLabelText('offer') as HTMLInputElement).value).toBe('');
    expect(sent).toHaveLength(1);
  });

  it("shows the edge's refusal (the window closed meanwhile) under the reply, keeping the text", async () => {
    const { user, sent } = renderComposer({
      answer: async () => {
        throw new ApiError(422, 'unprocessable', CLOSED, { text: CLOSED });
      },
    });
    await user.type(screen.getByLabelText('Reply'), 'Shall I call you at 5 pm?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe(CLOSED);
    expect(screen.getByLabelText('Reply').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Reply') as HTMLTextAreaElement).value).toBe('Shall I call you at 5 pm?');
    expect(sent).toHaveLength(1);
  });
});
