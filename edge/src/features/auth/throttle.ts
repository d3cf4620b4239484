/**
 * Login throttling as a pure rule: after `maxFailures` failed attempts inside `windowMs`,
 * the key is locked for `lockMs`. Keys are per email and per client IP.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: number;
  lockedUntil: number | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const EMAIL_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemaining(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

export function afterFailure(state: ThrottleState | null, now: number, policy: ThrottlePolicy): ThrottleState {
  const restart =
    !state || now - state.windowStartedAt > policy.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = restart ? 1 : state.failures + 1;
  return {
    failures,
    windowStartedAt: restart ? now : state.windowStartedAt,
    lockedUntil: failures >= policy.maxFailures ? now + policy.lockMs : null,
  };
}
