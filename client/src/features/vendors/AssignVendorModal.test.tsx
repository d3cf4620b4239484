// @vitest-environment happy-dom
import type { AssignmentCreate, Vendor } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { AssignVendorForm } from './AssignVendorModal.tsx';
import { vendorKeys } from './vendors.api.ts';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const vendor = (n: number, name: string, category: string, rating: number | null, currency = 'INR'): Vendor => ({
  id: `0192f0a0-0000-7000-8000-00000000f00${n}`,
  code: `VN-000${n}`,
  name,
  category,
  contacts: [],
  city: 'Mumbai',
  country: 'IN',
  currency,
  gstin: null,
  foreignTaxId: null,
  pan: null,
  ifsc: null,
  bankMasked: null,
  bankName: null,
  rating,
  ratingCount: rating ? 3 : 0,
  notes: null,
  hasLogin: false,
  active: true,
});
const FLORISTS = vendor(1, 'Gulmohar Florists', 'florist', 4.5);
const CATERERS = vendor(2, 'Shree Caterers', 'catering', null);
const CREATED = { assignment: { id: '0192f0a0-0000-7000-8000-00000000a001' } };

type Answer = (r: AssignmentCreate) => Promise<typeof CREATED>;

function renderAssign(answer: Answer = async () => CREATED) {
  const { calls, submit } = recorder(answer);
  const created: string[] = [];
  const view = renderForm(
    <AssignVendorForm eventId={EVENT_ID} create={submit} onCreated={(id) => created.push(id)} onCancel={() => {}} />,
    [
      [
        ['vendors', 'categories'],
        {
          categories: [
            { key: 'florist', label: 'Florist' },
            { key: 'catering', label: 'Catering' },
          ],
        },
      ],
      [vendorKeys.list({ category: '' }), { vendors: [CATERERS, FLORISTS] }],
    ],
  );
  return { ...view, sent: calls, created, button: screen.getByRole('button', { name: 'Assign with PO' }) };
}

/** Picks the vendor from the list (best rated first), which brings its category as the budget's. */
async function pickFlorists(user: ReturnType<typeof renderAssign>['user']) {
  await user.click(screen.getByRole('combobox', { name: 'Vendor' }));
  await user.click(await screen.findByRole('option', { name: /Gulmohar Florists/ }, { timeout: 10_000 }));
}

describe('the assign-vendor form', { timeout: 90_000 }, () => {
  it('asks for a vendor, the scope and a rate under their fields, and sends nothing', async () => {
    const { user, sent, button } = renderAssign();
    await user.type(screen.getByLabelText(/^Scope of work/), 'ab');
    await user.click(button);
    expect(await screen.findByText('Choose a vendor')).toBeTruthy();
    expect(screen.getByText('Choose the budget category')).toBeTruthy();
    expect(screen.getByText('Describe the scope of work')).toBeTruthy();
    expect(screen.getByText('Amount must be more than zero')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the PO once: the vendor chosen, its category, a blank line described by the scope', async () => {
    let answer: (r: typeof CREATED) => void = () => {};
    const { user, sent, created, button } = renderAssign(() => new Promise((resolve) => (answer = resolve)));
    await pickFlorists(user);
    expect(screen.getByTestId('chosen-vendor').textContent).toContain('rated 4.5 of 5');
    await user.type(screen.getByLabelText(/^Scope of work/), 'Mandap florals and entrance garlands');
    await user.clear(screen.getByLabelText('Qty'));
    await user.type(screen.getByLabelText('Qty'), '2');
    await user.type(screen.getByLabelText('Rate (INR)'), '60000');
    expect(screen.getByTestId('po-total').textContent).toBe('PO total ₹1,20,000.00');
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    const descriptions = screen.getAllByLabelText('Description');
    await user.type(descriptions[1]!, 'Car décor');
    await user.type(screen.getAllByLabelText('Rate (INR)')[1]!, '5000');
    await user.type(screen.getByLabelText('Terms'), '  ');
    await user.click(button);
    await user.click(button);
    expect(sent).toHaveLength(1);
    expect(button.hasAttribute('disabled')).toBe(true);
    answer(CREATED);
    await expect.poll(() => created).toEqual([CREATED.assignment.id]);
    expect(sent).toEqual([
      {
        vendorId: FLORISTS.id,
        eventId: EVENT_ID,
        scope: 'Mandap florals and entrance garlands',
        budgetCategory: 'florist',
        currency: 'INR',
        lines: [
          { description: 'Mandap florals and entrance garlands', quantity: 2, unitMinor: 6_000_000 },
          { description: 'Car décor', quantity: 1, unitMinor: 500_000 },
        ],
        milestones: [],
      },
    ]);
  });

  it("puts the server's refusal under the line it names, and keeps the form", async () => {
    const { user, sent, created, button } = renderAssign(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        'lines.0.description': 'that line is already on another PO',
      });
    });
    await pickFlorists(user);
    await user.type(screen.getByLabelText(/^Scope of work/), 'Mandap florals');
    await user.type(screen.getByLabelText('Description'), 'Marigold mandap');
    await user.type(screen.getByLabelText('Rate (INR)'), '60000');
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('That line is already on another PO')).toBeTruthy();
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('Marigold mandap');
    expect(sent).toHaveLength(1);
    expect(created).toEqual([]);
  });
});
