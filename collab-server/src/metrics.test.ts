import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('reports lag percentiles and a 10 s update rate', () => {
    const m = new Metrics();
    const lags = Array.from({ length: 100 }, (_, i) => i + 1);
    m.recordCommit(lags, 1_000);
    m.recordCommit([5], 5_000);
    const s = m.snapshot(2, 6_000);
    expect(s.updatesPersisted).toBe(101);
    expect(s.commits).toBe(2);
    expect(s.updatesPerSecond).toBeCloseTo(10.1);
    expect(s.persistenceLagMs.p50).toBe(50);
    expect(s.persistenceLagMs.p99).toBe(99);
    expect(s.documentsLoaded).toBe(2);
    expect(m.snapshot(2, 14_000).updatesPerSecond).toBeCloseTo(0.1);
  });
});
