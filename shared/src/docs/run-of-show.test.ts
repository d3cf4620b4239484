import { describe, expect, it } from 'vitest';
import { formatCueTime, moveCue, parseCueTime, sortCues, ZClockTime } from './run-of-show.ts';

const cues = [
  { id: 'baraat', startMin: 18 * 60 },
  { id: 'varmala', startMin: 19 * 60 },
  { id: 'pheras', startMin: 20 * 60 },
  { id: 'dinner', startMin: 21 * 60 + 30 },
];

describe('run of show', () => {
  it('moves only the cue when following cues stay', () => {
    expect(moveCue(cues, 'varmala', 19 * 60 + 15, false)).toEqual([{ id: 'varmala', startMin: 19 * 60 + 15 }]);
  });

  it('a late cue pushes every cue after it by the same amount', () => {
    const changes = moveCue(cues, 'varmala', 19 * 60 + 45, true);
    expect(changes).toEqual([
      { id: 'varmala', startMin: 19 * 60 + 45 },
      { id: 'pheras', startMin: 20 * 60 + 45 },
      { id: 'dinner', startMin: 22 * 60 + 15 },
    ]);
  });

  it('pulling a cue earlier pulls the later ones, never the earlier ones', () => {
    const changes = moveCue(cues, 'pheras', 19 * 60 + 30, true);
    expect(changes.map((c) => c.id)).toEqual(['pheras', 'dinner']);
    expect(changes[1]?.startMin).toBe(21 * 60);
  });

  it('ignores unknown cues, no-op moves and non-integer times', () => {
    expect(moveCue(cues, 'nope', 10, true)).toEqual([]);
    expect(moveCue(cues, 'pheras', 20 * 60, true)).toEqual([]);
    expect(moveCue(cues, 'pheras', 1.5, true)).toEqual([]);
  });

  it('formats and parses 24-hour IST times, past midnight too', () => {
    expect(formatCueTime(20 * 60 + 5)).toBe('20:05');
    expect(formatCueTime(24 * 60 + 30)).toBe('00:30 (+1)');
    expect(parseCueTime('7:45')).toBe(7 * 60 + 45);
    expect(parseCueTime('24:00')).toBeNull();
    expect(parseCueTime('soon')).toBeNull();
  });

  it('reads a typed time of day as minutes, and words the refusal of anything else', () => {
    expect(ZClockTime.parse(' 19:30 ')).toBe(19 * 60 + 30);
    for (const bad of ['', '24:00', '19:60', '7pm', '19:3'])
      expect(ZClockTime.safeParse(bad).error?.issues[0]?.message).toBe('use a time like 19:30');
  });

  it('sorts cues by time', () => {
    expect(sortCues([...cues].reverse()).map((c) => c.id)).toEqual(['baraat', 'varmala', 'pheras', 'dinner']);
  });
});
