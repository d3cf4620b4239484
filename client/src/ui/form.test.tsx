// @vitest-environment happy-dom
import { NumberInput } from '@mantine/core';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../api/errors.ts';
import { FormError } from './FormError.tsx';
import { asRupees, fieldError, useField, useSubmit, useZodForm } from './form.ts';
import { recorder, renderForm } from './testing.tsx';

afterEach(cleanup);

const ZNote = z.object({ title: z.string().trim().min(2, 'use at least 2 characters') });

function NoteForm({ send }: { send: (v: { title: string }) => Promise<unknown> }) {
  const form = useZodForm(ZNote, { title: '' });
  const { onSubmit, error, submitting } = useSubmit(form, send);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Note">
      <FormError message={error} />
      <label>
        Title
        <input {...form.register('title')} aria-invalid={!!form.formState.errors.title} />
      </label>
      <span>{fieldError(form.formState.errors.title?.message)}</span>
      <button type="submit" disabled={submitting}>
        Save
      </button>
    </form>
  );
}

describe('useSubmit', () => {
  it('sends nothing while the schema refuses, and names the field', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<NoteForm send={submit} />);
    await user.type(screen.getByLabelText('Title'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Use at least 2 characters')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends once when the form is submitted again while the first send is on its way', async () => {
    let answer: () => void = () => {};
    const { calls, submit } = recorder(() => new Promise<void>((resolve) => (answer = resolve)));
    const { user } = renderForm(<NoteForm send={submit} />);
    await user.type(screen.getByLabelText('Title'), ' Sangeet ');
    const form = screen.getByRole('form', { name: 'Note' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    await expect.poll(() => calls.length).toBe(1);
    fireEvent.submit(form);
    answer();
    await expect.poll(() => screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
    expect(calls).toEqual([{ title: 'Sangeet' }]);
  });

  it("puts the server's refusal in the banner and under its field, keeping what was typed", async () => {
    const { calls, submit } = recorder(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', { title: 'already taken' });
    });
    const { user } = renderForm(<NoteForm send={submit} />);
    await user.type(screen.getByLabelText('Title'), 'Sangeet');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('Already taken')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Sangeet');
    expect(calls).toHaveLength(1);
  });

  it('shows the message of a check made before sending, and sends again once it passes', async () => {
    let refuse = true;
    const { calls, submit } = recorder(async () => {
      if (refuse) throw new Error('Remove the 30 MB file first.');
    });
    const { user } = renderForm(<NoteForm send={submit} />);
    await user.type(screen.getByLabelText('Title'), 'Sangeet');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Remove the 30 MB file first.');
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => screen.queryByRole('alert')).toBeNull();
    expect(calls).toHaveLength(2);
  });
});

const ZAmount = z.object({ amountMinor: z.number().int().positive('enter an amount').nullable() });

function AmountForm({ send }: { send: (v: { amountMinor: number | null }) => Promise<unknown> }) {
  const form = useZodForm(ZAmount, { amountMinor: null });
  const amount = useField(form, 'amountMinor');
  const { onSubmit } = useSubmit(form, send);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Refund">
      <NumberInput label="Amount" {...asRupees(amount)} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('asRupees', () => {
  it('keeps every digit of an amount typed through its decimal point, in paise', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<AmountForm send={submit} />);
    await user.type(screen.getByLabelText('Amount'), '125000.50');
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe('1,25,000.50');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => calls).toEqual([{ amountMinor: 12500050 }]);
  });
});
