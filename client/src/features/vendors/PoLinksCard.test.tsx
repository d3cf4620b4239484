// @vitest-environment happy-dom
import type { Assignment, PoLink } from '@mandap/shared/vendors';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { PoLinksCard, SharePoLinkForm } from './PoLinksCard.tsx';

afterEach(cleanup);

const MADE = { url: 'https://mandap.example/po/abc.def', whatsappUrl: 'https://wa.me/?text=abc' };

function renderShare(answer: (r: { days: number }) => Promise<typeof MADE> = async () => MADE) {
  const { calls, submit } = recorder(answer);
  const made: (typeof MADE)[] = [];
  const view = renderForm(<SharePoLinkForm create={submit} onMade={(m) => made.push(m)} />);
  return { ...view, sent: calls, made, share: screen.getByRole('button', { name: 'Share PO with the vendor' }) };
}

describe('sharing a PO with its vendor', { timeout: 60_000 }, () => {
  it('refuses a link lasting more than 180 days or none, under the days, and sends nothing', async () => {
    const { user, sent, share } = renderShare();
    const days = screen.getByLabelText('Lasts (days)');
    await user.clear(days);
    await user.type(days, '365');
    await user.click(share);
    expect(await screen.findByText('A link lasts at most 180 days')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    await user.clear(days);
    await user.click(share);
    expect(await screen.findByText('Say how many days the link lasts')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('makes one link for the days typed, even when clicked twice', async () => {
    let answer: (m: typeof MADE) => void = () => {};
    const { user, sent, made, share } = renderShare(() => new Promise((resolve) => (answer = resolve)));
    const days = screen.getByLabelText('Lasts (days)');
    await user.clear(days);
    await user.type(days, '7');
    await user.click(share);
    await user.click(share);
    expect(sent).toHaveLength(1);
    expect(share.hasAttribute('disabled')).toBe(true);
    answer(MADE);
    await expect.poll(() => made).toEqual([MADE]);
    expect(sent).toEqual([{ days: 7 }]);
  });

  it("shows the server's refusal and keeps the days typed", async () => {
    const { user, sent, made, share } = renderShare(async () => {
      throw new ApiError(422, 'unprocessable', 'This PO is cancelled: there is nothing to share.');
    });
    const days = screen.getByLabelText('Lasts (days)');
    await user.clear(days);
    await user.type(days, '14');
    await user.click(share);
    expect((await screen.findByRole('alert')).textContent).toBe('This PO is cancelled: there is nothing to share.');
    expect((days as HTMLInputElement).value).toBe('14');
    expect(sent).toHaveLength(1);
    expect(made).toEqual([]);
  });
});

const ASSIGNMENT = {
  id: '0192f0a0-0000-7000-8000-00000000a001',
  status: 'requested',
  poAcceptedAt: null,
  poAcceptedName: null,
} as unknown as Assignment;
const link = (n: number, expiresAt: string, revokedAt: string | null): PoLink => ({
  id: `0192f0a0-0000-7000-8000-00000000b00${n}`,
  assignmentId: ASSIGNMENT.id,
  expiresAt,
  revokedAt,
  lastOpenedAt: null,
  createdByName: 'Priya',
  createdAt: '2026-11-01T06:30:00.000Z',
});
const LINKS = [
  link(1, '2099-01-01T00:00:00.000Z', null),
  link(2, '2099-01-01T00:00:00.000Z', '2026-11-03T06:30:00.000Z'),
  link(3, '2026-01-01T00:00:00.000Z', null),
];

describe("a PO's links", () => {
  it('say live, withdrawn or expired as every link list does; only staff who may write withdraw', () => {
    const seeded: [readonly unknown[], unknown][] = [[['vendors', 'links', ASSIGNMENT.id], { links: LINKS }]];
    renderForm(<PoLinksCard assignment={ASSIGNMENT} canWrite />, seeded);
    let rows = screen.getAllByTestId('po-link-row');
    expect(within(rows[0]!).getByRole('button', { name: 'Withdraw' })).toBeTruthy();
    expect(within(rows[0]!).getByText('By Priya on 01/11/2026, until 01/01/2099')).toBeTruthy();
    expect(within(rows[1]!).getByText('Withdrawn 03/11/2026')).toBeTruthy();
    expect(within(rows[2]!).getByText('Expired')).toBeTruthy();
    cleanup();
    renderForm(<PoLinksCard assignment={ASSIGNMENT} canWrite={false} />, seeded);
    rows = screen.getAllByTestId('po-link-row');
    expect(within(rows[0]!).getByText('Live')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
