// @vitest-environment happy-dom
import type { Assignment } from '@mandap/shared/vendors';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { clickTwiceWhileHeld, recorder, renderForm } from '../../ui/testing.tsx';
import { ScheduleEditor } from './ScheduleCard.tsx';

afterEach(cleanup);

const PO = {
  id: '0192f0a0-0000-7000-8000-00000000a001',
  vendorName: 'Gulmohar Florists',
  currency: 'INR',
  amountMinor: 12_000_000,
  paidMinor: 0,
  status: 'confirmed',
  eventStartDate: '2026-12-14',
} as Assignment;
const HALVES = [
  { label: 'Advance', dueDate: '2026-11-30', amountMinor: 6_000_000 },
  { label: 'Balance', dueDate: '2026-12-14', amountMinor: 6_000_000 },
];

type Request = { items: { label: string; dueDate: string; amountMinor: number }[] };

function renderSchedule(answer: (r: Request) => Promise<unknown> = async () => ({}), initial = HALVES) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(
    <ScheduleEditor assignment={PO} initial={initial} onDone={() => done.push(true)} save={submit} />,
  );
  return { ...view, sent: calls, done, save: screen.getByRole('button', { name: 'Save schedule' }) };
}

describe('the PO schedule editor', { timeout: 60_000 }, () => {
  it('asks for the name and due date of a part added, and sends nothing', async () => {
    const { user, sent, save } = renderSchedule(undefined, [{ ...HALVES[0]!, amountMinor: 12_000_000 }]);
    await user.click(screen.getByRole('button', { name: 'Add part' }));
    await user.clear(screen.getAllByLabelText('Part')[1]!);
    await user.click(save);
    expect(await screen.findByText('Name the part')).toBeTruthy();
    expect(screen.getByText('Enter the due date (dd/mm/yyyy)')).toBeTruthy();
    expect(screen.getAllByLabelText('Part')[1]!.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('refuses parts that do not add up to the PO, saying by how much, until they do, and sends nothing', async () => {
    const { user, sent, save } = renderSchedule();
    const balance = screen.getAllByLabelText('Amount (INR)')[1]!;
    await user.clear(balance);
    await user.type(balance, '50000');
    expect(screen.getByText('₹10,000.00 short of the PO.')).toBeTruthy();
    await user.click(save);
    expect(await screen.findByText('The parts add up to ₹1,10,000.00 but the PO is ₹1,20,000.00')).toBeTruthy();
    expect(sent).toEqual([]);
    // once the parts add up, the refusal goes
    await user.clear(balance);
    await user.type(balance, '60000');
    await expect.poll(() => screen.queryByText(/^The parts add up/)).toBeNull();
    expect(screen.getByText('Adds up to the PO.')).toBeTruthy();
  });

  it('sends the parsed schedule once, an amount typed through its decimal point kept to the paisa', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, done, save } = renderSchedule(() => new Promise((resolve) => (answer = resolve)));
    const [advance, balance] = screen.getAllByLabelText('Amount (INR)');
    await user.clear(advance!);
    await user.type(advance!, '40000.50');
    expect((advance as HTMLInputElement).value).toBe('40,000.50');
    await user.clear(balance!);
    await user.type(balance!, '79999.50');
    await user.clear(screen.getAllByLabelText('Part')[0]!);
    await user.type(screen.getAllByLabelText('Part')[0]!, '  Advance on booking ');
    await clickTwiceWhileHeld(user, save, sent, () => answer({}));
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toEqual([
      {
        items: [
          { label: 'Advance on booking', dueDate: '2026-11-30', amountMinor: 4_000_050 },
          { label: 'Balance', dueDate: '2026-12-14', amountMinor: 7_999_950 },
        ],
      },
    ]);
  });

  it("shows the server's refusal and keeps the parts as typed", async () => {
    const { user, sent, done, save } = renderSchedule(async () => {
      throw new ApiError(
        422,
        'unprocessable',
        'Money has been paid against this PO: its schedule can no longer be changed.',
        {
          items: 'payments exist',
        },
      );
    });
    await user.clear(screen.getAllByLabelText('Part')[1]!);
    await user.type(screen.getAllByLabelText('Part')[1]!, 'On delivery');
    await user.click(save);
    expect(
      await screen.findByText('Money has been paid against this PO: its schedule can no longer be changed.'),
    ).toBeTruthy();
    expect(screen.getByText('Payments exist')).toBeTruthy();
    expect((screen.getAllByLabelText('Part')[1] as HTMLInputElement).value).toBe('On delivery');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
