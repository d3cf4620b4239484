// @vitest-environment happy-dom
import type { ConvertLead } from '@mandap/shared/leads';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { type ConvertingLead, ConvertLeadForm } from './ConvertLeadModal.tsx';

afterEach(cleanup);

const LEAD: ConvertingLead = {
  name: 'Meera Kulkarni',
  phone: '+919820012345',
  city: 'Mumbai',
  venue: null,
  budgetCurrency: 'INR',
  eventType: 'wedding',
  eventDateFrom: '2026-12-14',
  eventDateTo: '2026-12-15',
  guestCount: 300,
};

function renderConvert(lead: ConvertingLead = LEAD, answer: (r: ConvertLead) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  return { ...renderForm(<ConvertLeadForm lead={lead} submit={submit} onCancel={() => {}} />), sent: calls };
}

describe('the convert-to-client form', { timeout: 40_000 }, () => {
  it('asks for the billing address under its field, and sends nothing', async () => {
    const { user, sent } = renderConvert();
    await user.click(screen.getByRole('button', { name: 'Create client and event' }));
    expect(await screen.findByText('Billing address is required')).toBeTruthy();
    expect(screen.getByLabelText(/^Billing address/).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('refuses an end date before the start with the shared message under Ends', async () => {
    const { user, sent } = renderConvert({ ...LEAD, eventDateFrom: '2026-12-15', eventDateTo: '2026-12-14' });
    await user.type(screen.getByLabelText(/^Billing address/), '12 Carter Road, Bandra West');
    await user.click(screen.getByRole('button', { name: 'Create client and event' }));
    expect(await screen.findByText('The end date is before the start date')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('shows a bad GSTIN as it is typed, and the state a good one names', async () => {
    const { user } = renderConvert({ ...LEAD, city: 'Udaipur' });
    await user.type(screen.getByLabelText('GSTIN'), '27aapfu0939f1za');
    expect(screen.getByLabelText('GSTIN')).toHaveProperty('value', '27AAPFU0939F1ZA');
    expect(screen.getByLabelText('GSTIN').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('GSTIN'));
    await user.type(screen.getByLabelText('GSTIN'), '27AAPFU0939F1ZV');
    expect(await screen.findByText(/GSTIN checksum is valid/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^State for GST/ })).toHaveProperty('value', '27 · Maharashtra');
  });

  it('sends the parsed conversion once, blanks left out', async () => {
    const { user, sent } = renderConvert();
    await user.type(screen.getByLabelText('GSTIN'), '27AAPFU0939F1ZV');
    await user.type(screen.getByLabelText(/^Billing address/), '  12 Carter Road, Bandra West, Mumbai 400050 ');
    await user.click(screen.getByRole('button', { name: 'Create client and event' }));
    await screen.findByRole('button', { name: 'Create client and event' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      billingName: 'Meera Kulkarni',
      gstin: '27AAPFU0939F1ZV',
      billingAddress: '12 Carter Road, Bandra West, Mumbai 400050',
      stateCode: '27',
      currency: 'INR',
      whatsappOptIn: true,
      event: {
        name: 'Meera Kulkarni wedding',
        startDate: '2026-12-14',
        endDate: '2026-12-15',
        city: 'Mumbai',
        guestCount: 300,
      },
    });
  });

  it("puts the server's nested field message under the event's city", async () => {
    const { user } = renderConvert(LEAD, async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        'event.city': 'we do not work there yet',
      });
    });
    await user.type(screen.getByLabelText(/^Billing address/), '12 Carter Road, Bandra West');
    await user.click(screen.getByRole('button', { name: 'Create client and event' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(await screen.findByText('We do not work there yet')).toBeTruthy();
  });
});
