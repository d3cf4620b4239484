import { describe, expect, it } from 'vitest';
import { afterFailure, EMAIL_POLICY, lockRemaining, type ThrottleState } from './throttle.ts';

const run = (times: number, start: number, gap = 1000) => {
  let s: ThrottleState | null = null;
  for (let i = 0; i < times; i++) s = afterFailure(s, start + i * gap, EMAIL_POLICY);
  return s!;
};

describe('login throttle', () => {
  it('locks after the fifth failure inside the window', () => {
    expect(run(4, 0).lockedUntil).toBeNull();
    const locked = run(5, 0);
    expect(locked.lockedUntil).toBe(4000 + EMAIL_POLICY.lockMs);
    expect(lockRemaining(locked, 5000)).toBe(locked.lockedUntil! - 5000);
  });

  it('forgets failures older than the window', () => {
    const spaced = run(5, 0, EMAIL_POLICY.windowMs / 2 + 1);
    expect(spaced.lockedUntil).toBeNull();
  });

  it('starts counting again once a lock has expired', () => {
    const locked = run(5, 0);
    const after = afterFailure(locked, locked.lockedUntil! + 1, EMAIL_POLICY);
    expect(after).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
