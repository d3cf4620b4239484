// @vitest-environment happy-dom
import { type CompanyProfile, type CompanyProfileInput, DEMO_COMPANY } from '@mandap/shared/company';
import type { PaymentTermTemplate, PaymentTermTemplateInput } from '@mandap/shared/quotes';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { PaymentTermsForm } from '../quotes/PaymentTermsSettings.tsx';
import { CompanyForm } from './CompanySection.tsx';
import { EventTypesSettings } from './EventTypesSection.tsx';

afterEach(cleanup);

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name });

describe('settings: the company form', { timeout: 60_000 }, () => {
  function renderCompany(answer?: (p: CompanyProfileInput) => Promise<{ company: CompanyProfile }>) {
    const { calls, submit } = recorder(
      answer ?? (async (p: CompanyProfileInput) => ({ company: p as CompanyProfile })),
    );
    return { ...renderForm(<CompanyForm company={DEMO_COMPANY} save={submit} />), sent: calls };
  }

  it('names a GSTIN whose checksum is wrong under the GSTIN, and saves nothing', async () => {
    const { user, sent } = renderCompany();
    await user.clear(textbox('GSTIN'));
    await user.type(textbox('GSTIN'), '27AAHCG4821K1ZG');
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    expect(await screen.findByText('The last character (checksum) does not match: check for a typo')).toBeTruthy();
    expect(textbox('GSTIN').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('saves the parsed profile once: the address one line per row, blanks dropped, the IFSC in capitals', async () => {
    let release: () => void = () => {};
    const { user, sent } = renderCompany(
      (p) => new Promise((resolve) => (release = () => resolve({ company: p as CompanyProfile }))),
    );
    await user.clear(textbox('Phone'));
    await user.type(textbox('Phone'), '+91 22 4012 9999');
    await user.clear(textbox('IFSC'));
    await user.type(textbox('IFSC'), 'hdfc0000240');
    await user.type(textbox('Address'), '{Enter}{Enter}');
    const save = screen.getByRole('button', { name: 'Save company' });
    await user.click(save);
    await user.click(save);
    expect(sent).toHaveLength(1);
    release();
    expect(sent[0]).toEqual({
      ...DEMO_COMPANY,
      phone: '+91 22 4012 9999',
      bank: { ...DEMO_COMPANY.bank, ifsc: 'HDFC0000240' },
    });
  });

  it("shows the server's refusal under the field it names and in the banner", async () => {
    const { user, sent } = renderCompany(async () => {
      throw new ApiError(422, 'unprocessable', 'Company not saved: check the account number.', {
        'bank.accountNumber': 'the bank does not know this account number',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Save company' }));
    expect(await screen.findByText('The bank does not know this account number')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Company not saved: check the account number.');
    expect(sent).toHaveLength(1);
  });
});

describe('settings: payment-term templates', { timeout: 60_000 }, () => {
  const STANDARD: PaymentTermTemplate = {
    id: 't1',
    name: 'Standard',
    position: 0,
    terms: [
      { label: 'Advance', percent: 50, anchor: 'acceptance', days: 0 },
      { label: 'Balance', percent: 50, anchor: 'event_start', days: -7 },
    ],
  };
  function renderTerms(answer?: (t: PaymentTermTemplateInput[]) => Promise<{ templates: PaymentTermTemplate[] }>) {
    const { calls, submit } = recorder(answer ?? (async () => ({ templates: [STANDARD] })));
    return { ...renderForm(<PaymentTermsForm templates={[STANDARD]} save={submit} />), sent: calls };
  }

  it('refuses instalments that do not add up to 100% and a nameless template, and saves nothing', async () => {
    const { user, sent } = renderTerms();
    await user.clear(textbox('Instalment 2 percent'));
    await user.type(textbox('Instalment 2 percent'), '40');
    await user.clear(textbox('Template 1 name'));
    await user.click(screen.getByRole('button', { name: 'Save payment terms' }));
    expect(await screen.findByText('Name the template')).toBeTruthy();
    expect(screen.getByText('Not saved yet: the instalments add up to 90%, not 100%')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('saves the templates once, a new one after the first', async () => {
    let release: () => void = () => {};
    const { user, sent } = renderTerms(
      () => new Promise((resolve) => (release = () => resolve({ templates: [STANDARD] }))),
    );
    await user.click(screen.getByRole('button', { name: 'Add template' }));
    await user.clear(textbox('Template 2 name'));
    await user.type(textbox('Template 2 name'), ' Corporate ');
    const save = screen.getByRole('button', { name: 'Save payment terms' });
    await user.click(save);
    await user.click(save);
    expect(sent).toHaveLength(1);
    release();
    expect(sent[0]).toEqual([
      { name: 'Standard', terms: STANDARD.terms },
      { name: 'Corporate', terms: [{ label: 'Full payment', percent: 100, anchor: 'acceptance', days: 0 }] },
    ]);
  });

  it("shows the server's refusal in the banner", async () => {
    const { user } = renderTerms(async () => {
      throw new ApiError(403, 'forbidden', 'Only a super admin changes the house terms.');
    });
    await user.click(screen.getByRole('button', { name: 'Save payment terms' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only a super admin changes the house terms.');
  });
});

describe('settings: adding an event type', { timeout: 60_000 }, () => {
  it('names a one-letter type under the field, and adds nothing', async () => {
    const { calls, submit } = recorder(async () => ({}));
    const { user } = renderForm(<EventTypesSettings add={submit} />);
    await user.type(textbox('Add an event type'), 'T');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Name the event type in at least 2 characters')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('adds the trimmed name once and clears the field; a duplicate is refused under it', async () => {
    let release: () => void = () => {};
    const ok = recorder(() => new Promise<void>((resolve) => (release = resolve)));
    const { user } = renderForm(<EventTypesSettings add={ok.submit} />);
    await user.type(textbox('Add an event type'), ' Tilak ');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(ok.calls).toEqual(['Tilak']);
    release();
    await expect.poll(() => (textbox('Add an event type') as HTMLInputElement).value).toBe('');
    cleanup();

    const dup = recorder(async () => {
      throw new ApiError(409, 'conflict', 'Tilak is already on the list.', { label: 'already on the list' });
    });
    const again = renderForm(<EventTypesSettings add={dup.submit} />);
    await again.user.type(textbox('Add an event type'), 'Tilak');
    await again.user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Already on the list')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Tilak is already on the list.');
  });
});
