// @vitest-environment happy-dom
import type { LogCommunication } from '@mandap/shared/leads';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { LogCommunicationForm } from './LogCommunicationForm.tsx';

afterEach(cleanup);

const LEAD_ID = '0192f0a0-0000-7000-8000-00000000c001';

function renderLog(answer: (body: LogCommunication) => Promise<'queued'> = async () => 'queued') {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(<LogCommunicationForm leadId={LEAD_ID} onDone={() => done.push(true)} submit={submit} />);
  return { ...view, sent: calls, done, save: screen.getByRole('button', { name: 'Save to timeline' }) };
}

describe('the log-a-contact form', { timeout: 60_000 }, () => {
  it('asks for the note under its field when a note is empty, and sends nothing', async () => {
    const { user, sent, save } = renderLog();
    await user.click(screen.getByRole('radio', { name: 'Note' }));
    await user.click(save);
    expect(await screen.findByText('Write the note')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('asks for the subject of an email, and sends nothing', async () => {
    const { user, sent, save } = renderLog();
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.type(screen.getByLabelText('Body'), 'Sharing the décor moodboard');
    await user.click(save);
    expect(await screen.findByText('Subject is required')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('logs a call once: the minutes in seconds, the notes trimmed, the time taken now; then clears the form', async () => {
    let answer: (v: 'queued') => void = () => {};
    const { user, sent, done, save } = renderLog(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Minutes'), '5');
    await user.type(screen.getByLabelText('Notes'), '  Wants a Jain menu for the sangeet ');
    const before = Date.now();
    await user.click(save);
    await user.click(save);
    expect(sent).toHaveLength(1);
    expect(save.hasAttribute('disabled')).toBe(true);
    answer('queued');
    await expect.poll(() => done).toEqual([true]);
    expect(sent[0]).toMatchObject({
      kind: 'call',
      outcome: 'connected',
      durationSeconds: 300,
      notes: 'Wants a Jain menu for the sangeet',
    });
    const occurredAt = Date.parse((sent[0] as { occurredAt: string }).occurredAt);
    expect(occurredAt).toBeGreaterThanOrEqual(before - 1000);
    await expect.poll(() => (screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('');
  });

  it("shows the server's refusal under the field it names, and keeps what was typed", async () => {
    const { user, sent, done, save } = renderLog(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        notes: 'use at most 4000 characters',
      });
    });
    await user.type(screen.getByLabelText('Notes'), 'Asked for the sangeet quote again');
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('Use at most 4000 characters')).toBeTruthy();
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Asked for the sangeet quote again');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});

describe('a logged contact whose files did not upload', { timeout: 60_000 }, () => {
  const COMMUNICATION_ID = '0192f0a0-0000-7000-8000-0000000c0a11';
  const saved = async () => ({ communication: { id: COMMUNICATION_ID } }) as never;

  function renderWithFiles(uploadAnswer: (n: number) => Promise<unknown>) {
    const logs = recorder(saved);
    let attempts = 0;
    const uploads = recorder((_: { files: File[]; communicationId: string }) => uploadAnswer(++attempts));
    const done: true[] = [];
    const view = renderForm(
      <LogCommunicationForm
        leadId={LEAD_ID}
        onDone={() => done.push(true)}
        submit={logs.submit}
        upload={uploads.submit}
      />,
    );
    const file = new File(['%PDF-1.4 moodboard'], 'moodboard.pdf', { type: 'application/pdf' });
    return { ...view, logged: logs.calls, uploaded: uploads.calls, done, file };
  }

  async function logANoteWithAFile(view: ReturnType<typeof renderWithFiles>) {
    await view.user.click(screen.getByRole('radio', { name: 'Note' }));
    await view.user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Shared the décor moodboard');
    await view.user.upload(view.container.querySelector('input[type="file"]') as HTMLInputElement, view.file);
    await view.user.click(screen.getByRole('button', { name: 'Save to timeline' }));
  }

  it('is logged once: saving again only retries the upload onto the same communication', async () => {
    const view = renderWithFiles(async (n) => {
      if (n === 1) throw new ApiError(0, 'network', 'The network dropped.');
      return [];
    });
    await logANoteWithAFile(view);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Note logged, but the files were not attached: The network dropped. Attach them again, or skip the files.',
    );
    // What was logged stays as sent: its fields sit in a disabled fieldset until the files are attached or skipped.
    expect(screen.getByRole('textbox', { name: /^Note/ }).closest('fieldset')?.disabled).toBe(true);
    await view.user.click(screen.getByRole('button', { name: 'Attach the files' }));
    await expect.poll(() => view.done).toEqual([true]);
    expect(view.logged).toHaveLength(1);
    expect(view.logged[0]).toMatchObject({ kind: 'note', body: 'Shared the décor moodboard' });
    expect(view.uploaded.map((u) => [u.communicationId, u.files.map((f) => f.name)])).toEqual([
      [COMMUNICATION_ID, ['moodboard.pdf']],
      [COMMUNICATION_ID, ['moodboard.pdf']],
    ]);
    await expect.poll(() => (screen.getByRole('textbox', { name: /^Note/ }) as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Save to timeline' })).toBeTruthy();
  });

  it('can skip the files: the form clears, and nothing more is sent', async () => {
    const view = renderWithFiles(async () => {
      throw new ApiError(415, 'unsupported_media_type', 'That file type is not accepted.');
    });
    await logANoteWithAFile(view);
    expect(await screen.findByRole('alert')).toBeTruthy();
    await view.user.click(screen.getByRole('button', { name: 'Skip the files' }));
    await expect.poll(() => view.done).toEqual([true]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(view.logged).toHaveLength(1);
    expect(view.uploaded).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Save to timeline' })).toBeTruthy();
  });
});
