// @vitest-environment happy-dom
import type { BriefShareLink } from '@mandap/shared/events';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors.ts';
import { recorder, renderForm } from '../../../ui/testing.tsx';
import { linksKey } from './briefShare.api.ts';
import { ShareDialog } from './ShareBriefButton.tsx';

afterEach(cleanup);

const TARGET = { scope: 'event', id: 'ev-1' } as const;
const LINK: BriefShareLink = {
  id: 'bs-1',
  url: 'https://mandap.example/b/brief-ev-1.abc',
  token: 'brief-ev-1.abc',
  expiresAt: '2026-12-30T10:00:00.000Z',
};

function renderShare(answer: (r: { days: number }) => Promise<BriefShareLink> = async () => LINK) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<ShareDialog target={TARGET} create={submit} />, [[linksKey(TARGET), { links: [] }]]);
  return { ...view, sent: calls, create: screen.getByRole('button', { name: 'Create link' }) };
}

describe('the share-the-brief dialog', { timeout: 60_000 }, () => {
  it('makes a link for the days chosen, once even clicked twice, and shows it', async () => {
    let answer: (v: BriefShareLink) => void = () => {};
    const { user, sent, create } = renderShare(() => new Promise((resolve) => (answer = resolve)));
    await user.click(screen.getByRole('radio', { name: '30 days' }));
    await user.click(create);
    await user.click(create);
    expect(sent).toEqual([{ days: 30 }]);
    expect(create.hasAttribute('disabled')).toBe(true);
    answer(LINK);
    expect(((await screen.findByTestId('brief-share-url')) as HTMLInputElement).value).toBe(LINK.url);
    expect(screen.getByText('Expires on 30/12/2026')).toBeTruthy();
    expect(sent).toHaveLength(1);
  });

  it('asks for 14 days unless another choice is made; a new choice offers a new link', async () => {
    const { user, sent, create } = renderShare();
    await user.click(create);
    await screen.findByTestId('brief-share-url');
    expect(sent).toEqual([{ days: 14 }]);
    await user.click(screen.getByRole('radio', { name: '90 days' }));
    expect(screen.queryByTestId('brief-share-url')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await expect.poll(() => sent).toEqual([{ days: 14 }, { days: 90 }]);
  });

  it("shows the server's refusal and keeps the days chosen", async () => {
    const { user, sent, create } = renderShare(async () => {
      throw new ApiError(403, 'forbidden', 'You cannot share this brief.');
    });
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await user.click(create);
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot share this brief.');
    expect((screen.getByRole('radio', { name: '7 days' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('brief-share-url')).toBeNull();
    expect(sent).toEqual([{ days: 7 }]);
  });
});
