// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkStatus } from './LinkStatus.tsx';
import { renderForm } from './testing.tsx';

afterEach(cleanup);

const words = { action: 'Withdraw', done: 'Withdrawn' };
const future = new Date(Date.now() + 86_400_000).toISOString();

describe('LinkStatus', () => {
  it('a revoked link says when and by whom, with no button', () => {
    renderForm(
      <LinkStatus
        link={{ expiresAt: future, revokedAt: '2026-11-03T06:30:00.000Z', revokedByName: 'Priya' }}
        words={words}
        revoking={false}
        onRevoke={() => {}}
      />,
    );
    expect(screen.getByText('Withdrawn 03/11/2026 by Priya')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('an expired link says Expired', () => {
    renderForm(
      <LinkStatus
        link={{ expiresAt: '2026-01-01T00:00:00.000Z', revokedAt: null }}
        words={words}
        revoking={false}
        onRevoke={() => {}}
      />,
    );
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a live link offers the action, which calls onRevoke', async () => {
    let calls = 0;
    const { user } = renderForm(
      <LinkStatus
        link={{ expiresAt: future, revokedAt: null }}
        words={{ action: 'Revoke', done: 'Revoked' }}
        revoking={false}
        onRevoke={() => calls++}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(calls).toBe(1);
  });

  it('a live link says Live, with no button, to someone who may not revoke it', () => {
    renderForm(<LinkStatus link={{ expiresAt: future, revokedAt: null }} words={words} />);
    expect(screen.getByText('Live')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
