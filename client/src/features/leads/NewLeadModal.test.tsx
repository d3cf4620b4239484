// @vitest-environment happy-dom
import type { CreateLeadParsed, LeadSummary } from '@mandap/shared/leads';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { NewLeadForm } from './NewLeadModal.tsx';

afterEach(cleanup);

const CREATED = { id: '0192f0a0-0000-7000-8000-000000000001', code: 'LD-2026-0042', name: 'Meera Kulkarni' };

function renderLeadForm(
  answer: (lead: CreateLeadParsed) => Promise<{ lead: typeof CREATED }> = async () => ({
    lead: CREATED,
  }),
) {
  const create = recorder(answer);
  const created: string[] = [];
  const looked: string[] = [];
  const existing = { id: 'x', name: 'Meera Kulkarni', code: 'LD-2026-0001', stage: 'new', phone: '+919820012345' };
  const view = renderForm(
    <NewLeadForm
      create={create.submit}
      findExisting={async (q) => {
        looked.push(q);
        return existing as LeadSummary;
      }}
      onCreated={(lead) => created.push(lead.code)}
      onOpenLead={() => {}}
      onCancel={() => {}}
    />,
    [[['leads', 'sources'], { listingPlatforms: [] }]],
  );
  return { ...view, sent: create.calls, created, looked };
}

describe('the new-lead form', { timeout: 40_000 }, () => {
  it('asks for a phone or an email under the phone field, and sends nothing', async () => {
    const { user, sent } = renderLeadForm();
    await user.type(screen.getByLabelText(/^Name/), 'Meera Kulkarni');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText('Enter a phone number or an email')).toBeTruthy();
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('shows the shared rules under their fields: a short name, a phone that is not one', async () => {
    const { user, sent } = renderLeadForm();
    await user.type(screen.getByLabelText(/^Name/), 'M');
    await user.type(screen.getByLabelText('Phone'), '12');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText('Name needs at least 2 characters')).toBeTruthy();
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('sends the parsed lead once: the phone in E.164, the budget in paise, blanks left out', async () => {
    const { user, sent, created } = renderLeadForm();
    await user.type(screen.getByLabelText(/^Name/), '  Meera Kulkarni ');
    await user.type(screen.getByLabelText('Phone'), '098200 12345');
    await user.type(screen.getByLabelText('Budget up to (₹)'), '1500000');
    await user.type(screen.getByLabelText('City'), 'Pune');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('button', { name: 'Create lead' });
    expect(created).toEqual(['LD-2026-0042']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      name: 'Meera Kulkarni',
      phone: '+919820012345',
      source: 'manual',
      city: 'Pune',
      budgetMaxMinor: 150_000_000,
    });
  });

  it('offers the lead the server matched instead of creating a twin', async () => {
    const { user, sent, looked, created } = renderLeadForm(async () => {
      throw new ApiError(409, 'duplicate_lead', 'A lead with this phone already exists.');
    });
    await user.type(screen.getByLabelText(/^Name/), 'Meera K');
    await user.type(screen.getByLabelText('Phone'), '+91-98200-12345');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText('A lead with this phone already exists.')).toBeTruthy();
    expect(await screen.findByText('Already in the pipeline')).toBeTruthy();
    expect(looked).toEqual(['+919820012345']);
    expect(sent).toHaveLength(1);
    expect(created).toEqual([]);
  });

  it("puts the server's field message under the field it names", async () => {
    const { user } = renderLeadForm(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        email: 'that mailbox refuses mail',
      });
    });
    await user.type(screen.getByLabelText(/^Name/), 'Meera Kulkarni');
    await user.type(screen.getByLabelText('Email'), 'meera@example.in');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(await screen.findByText('That mailbox refuses mail')).toBeTruthy();
  });
});
