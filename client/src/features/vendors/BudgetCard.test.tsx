// @vitest-environment happy-dom
import type { BudgetReport } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { BudgetEditor } from './BudgetCard.tsx';

afterEach(cleanup);

const EVENT_ID = '0192f0a0-0000-7000-8000-00000000e001';
const CATEGORIES = [
  { key: 'catering', label: 'Catering', builtIn: true },
  { key: 'decor', label: 'Décor', builtIn: true },
  { key: 'florist', label: 'Florist', builtIn: true },
];
const line = (category: string, budgetMinor: number) => ({
  category,
  budgetMinor,
  budgetSource: 'manual' as const,
  committedMinor: 0,
  paidMinor: 0,
});
const REPORT = {
  eventId: EVENT_ID,
  // 'other' holds the POs with no category: it takes no budget, so it is not in the editor.
  lines: [line('catering', 50_000_000), line('decor', 0), line('other', 0)],
  totals: { budgetMinor: 50_000_000, committedMinor: 0, paidMinor: 0 },
  margin: null,
  warnings: [],
} as unknown as BudgetReport;

type Request = { items: { category: string; budgetMinor: number }[] };

function renderBudget(answer: (r: Request) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const label = (k: string) => CATEGORIES.find((c) => c.key === k)?.label ?? k;
  const view = renderForm(
    <BudgetEditor report={REPORT} eventId={EVENT_ID} label={label} onDone={() => done.push(true)} save={submit} />,
    [[['vendors', 'categories'], { categories: CATEGORIES }]],
  );
  return { ...view, sent: calls, done, save: screen.getByRole('button', { name: 'Save budget' }) };
}

async function addFlorist(user: ReturnType<typeof renderBudget>['user']) {
  await user.click(screen.getByRole('combobox', { name: 'Add a budget category' }));
  await user.click(await screen.findByRole('option', { name: 'Florist' }));
}

describe('the event budget editor', { timeout: 60_000 }, () => {
  it('asks for the budget of a category added and left blank, under it, and sends nothing', async () => {
    const { user, sent, save } = renderBudget();
    expect(screen.queryByLabelText('Budget for other')).toBeNull();
    await addFlorist(user);
    await user.clear(screen.getByLabelText('Budget for Décor'));
    await user.click(save);
    expect(await screen.findAllByText('Enter the budget (0 for none)')).toHaveLength(2);
    expect(screen.getByLabelText('Budget for Florist').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('sends every row once, in paise, an amount typed through its decimal point kept to the paisa', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, done, save } = renderBudget(() => new Promise((resolve) => (answer = resolve)));
    expect((screen.getByLabelText('Budget for Catering') as HTMLInputElement).value).toBe('5,00,000');
    await addFlorist(user);
    await user.type(screen.getByLabelText('Budget for Florist'), '125000.50');
    expect((screen.getByLabelText('Budget for Florist') as HTMLInputElement).value).toBe('1,25,000.50');
    await clickTwiceWhileHeld(user, save, sent, () => answer({}));
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toEqual([
      {
        items: [
          { category: 'catering', budgetMinor: 50_000_000 },
          { category: 'decor', budgetMinor: 0 },
          { category: 'florist', budgetMinor: 12_500_050 },
        ],
      },
    ]);
  });

  it("shows the server's refusal under the row it names and keeps the amounts typed", async () => {
    const { user, sent, done, save } = renderBudget(async () => {
      throw new ApiError(400, 'validation_failed', 'Check the highlighted fields.', {
        'items.2.category': 'no such vendor category: florist',
      });
    });
    await addFlorist(user);
    await user.type(screen.getByLabelText('Budget for Florist'), '80000');
    await user.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields.');
    expect(screen.getByText('No such vendor category: florist')).toBeTruthy();
    expect((screen.getByLabelText('Budget for Florist') as HTMLInputElement).value).toBe('80,000');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
