// @vitest-environment happy-dom
import type { VendorCreate } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { AddVendorForm } from './AddVendorForm.tsx';

afterEach(cleanup);

const CATEGORIES = [
  { key: 'decor', label: 'Décor', builtIn: true },
  { key: 'florist', label: 'Florist', builtIn: true },
];
const CREATED = { vendor: { name: 'Gulmohar Florists', code: 'VN-0042' } };

function renderVendor(answer: (v: VendorCreate) => Promise<typeof CREATED> = async () => CREATED) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(
    <AddVendorForm categories={CATEGORIES as never} onDone={() => done.push(true)} create={submit} />,
  );
  return { ...view, sent: calls, done, save: screen.getByRole('button', { name: 'Save vendor' }) };
}

describe('the add-vendor form', { timeout: 60_000 }, () => {
  it('asks for the name under its field, and sends nothing', async () => {
    const { user, sent, save } = renderVendor();
    await user.click(save);
    expect(await screen.findByText('The vendor name is required')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('refuses a PAN that is not the one inside the GSTIN, with the shared message, and sends nothing', async () => {
    const { user, sent, save } = renderVendor();
    await user.type(screen.getByLabelText('Name'), 'Gulmohar Florists');
    await user.type(screen.getByLabelText('GSTIN'), '27AAPFU0939F1ZV');
    await user.type(screen.getByLabelText('PAN'), 'ABCPE1234F');
    await user.click(save);
    expect(await screen.findByText('The PAN does not match the GSTIN (which holds AAPFU0939F)')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the parsed vendor once: one contact, the bank account in the name of the vendor, blanks left out', async () => {
    let answer: (v: typeof CREATED) => void = () => {};
    const { user, sent, done, save } = renderVendor(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByLabelText('Name'), ' Gulmohar Florists ');
    await user.type(screen.getByLabelText('GSTIN'), '27aapfu0939f1zv');
    await user.type(screen.getByLabelText('Contact name'), 'Ravi Shetty');
    await user.type(screen.getByLabelText('Account number'), '50100012345678');
    await user.type(screen.getByLabelText('IFSC'), 'HDFC0000123');
    await user.click(save);
    await user.click(save);
    expect(sent).toHaveLength(1);
    expect(save.hasAttribute('disabled')).toBe(true);
    answer(CREATED);
    await expect.poll(() => done).toEqual([true]);
    expect(sent[0]).toMatchObject({
      name: 'Gulmohar Florists',
      category: 'decor',
      city: 'Mumbai',
      country: 'IN',
      currency: 'INR',
      gstin: '27AAPFU0939F1ZV',
      contacts: [{ name: 'Ravi Shetty' }],
      bank: { accountName: 'Gulmohar Florists', accountNumber: '50100012345678', ifsc: 'HDFC0000123' },
    });
    expect(sent[0]?.pan).toBeUndefined();
  });

  it("puts the server's refusal under the field it names, and keeps the form", async () => {
    const { user, sent, done, save } = renderVendor(async () => {
      throw new ApiError(409, 'conflict', 'A vendor with this GSTIN exists: VN-0007.', {
        gstin: 'already on VN-0007',
      });
    });
    await user.type(screen.getByLabelText('Name'), 'Gulmohar Florists');
    await user.type(screen.getByLabelText('GSTIN'), '27AAPFU0939F1ZV');
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('A vendor with this GSTIN exists: VN-0007.');
    expect(screen.getByText('Already on VN-0007')).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Gulmohar Florists');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
