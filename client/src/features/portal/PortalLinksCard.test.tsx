// @vitest-environment happy-dom
import type { CreatePortalLink, PortalLink } from '@mandap/shared/live';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { PortalLinksCard } from './PortalLinksCard.tsx';
import { portalKeys } from './portal.api.ts';

afterEach(cleanup);

const EVENT = 'ev-1';
const URL_MADE = 'https://mandap.example/e/ev-1.1767225600.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const LIVE: PortalLink = {
  id: 'pl-1',
  label: 'Ananya',
  expiresAt: '2099-01-01T00:00:00.000Z',
  revokedAt: null,
  lastOpenedAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  createdByName: 'Meera',
};
const MADE = { link: { ...LIVE, id: 'pl-2', url: URL_MADE } };

function renderLinks({
  create = async () => MADE,
  revoke = async () => ({}),
}: {
  create?: (r: CreatePortalLink) => Promise<typeof MADE>;
  revoke?: (id: string) => Promise<unknown>;
} = {}) {
  const made = recorder(create);
  const withdrawn = recorder(revoke);
  const view = renderForm(<PortalLinksCard eventId={EVENT} create={made.submit} revoke={withdrawn.submit} />, [
    [portalKeys.links(EVENT), { links: [LIVE] }],
  ]);
  return {
    ...view,
    sent: made.calls,
    withdrawn: withdrawn.calls,
    make: screen.getByRole('button', { name: 'Make a link' }),
    days: screen.getByLabelText('Valid for (days)') as HTMLInputElement,
    label: screen.getByLabelText('Made for') as HTMLInputElement,
  };
}

describe("the client page's links", { timeout: 60_000 }, () => {
  it('names a blank or too long validity under its field, and sends nothing', async () => {
    const { user, sent, make, days } = renderLinks();
    await user.clear(days);
    await user.click(make);
    expect(await screen.findByText('Enter how many days the link works')).toBeTruthy();
    await user.type(days, '400');
    expect(await screen.findByText('At most 365 days')).toBeTruthy();
    await user.click(make);
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('makes the parsed link once, even clicked twice, shows it and clears the label', async () => {
    let answer: (v: typeof MADE) => void = () => {};
    const { user, sent, make, days, label } = renderLinks({
      create: () => new Promise((resolve) => (answer = resolve)),
    });
    await user.type(label, ' Ananya (the bride’s mother) ');
    await user.clear(days);
    await user.type(days, '30');
    await user.click(make);
    await user.click(make);
    expect(sent).toEqual([{ label: 'Ananya (the bride’s mother)', days: 30 }]);
    expect(make.hasAttribute('disabled')).toBe(true);
    answer(MADE);
    expect((await screen.findByTestId('portal-link-url')).textContent).toBe(URL_MADE);
    expect(label.value).toBe('');
    expect(days.value).toBe('30');
    expect(sent).toHaveLength(1);
  });

  it('leaves a blank label out of the request', async () => {
    const { user, sent, make } = renderLinks();
    await user.click(make);
    await screen.findByTestId('portal-link-url');
    expect(sent).toEqual([{ days: 60 }]);
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    const { user, sent, make, label } = renderLinks({
      create: async () => {
        throw new ApiError(404, 'not_found', 'No such event.');
      },
    });
    await user.type(label, 'Ananya');
    await user.click(make);
    expect((await screen.findByRole('alert')).textContent).toBe('No such event.');
    expect(label.value).toBe('Ananya');
    expect(screen.queryByTestId('portal-link-url')).toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('says so when a link could not be withdrawn', async () => {
    const { user, withdrawn } = renderLinks({
      revoke: async () => {
        throw new ApiError(403, 'forbidden', 'You cannot withdraw links of this event.');
      },
    });
    const row = screen.getByTestId('portal-link-row');
    await user.click(within(row).getByRole('button', { name: 'Withdraw' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not withdrawn: You cannot withdraw links of this event.',
    );
    expect(withdrawn).toEqual(['pl-1']);
    expect(within(row).getByRole('button', { name: 'Withdraw' })).toBeTruthy();
  });
});
