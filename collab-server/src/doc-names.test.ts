import { describe, expect, it } from 'vitest';
import { formatDocName, parseDocName, roomFromPath } from './doc-names.ts';

const id = '0190f3a2-7c4d-7b2e-9a1f-2b3c4d5e6f70';

describe('parseDocName', () => {
  it('accepts the three event documents', () => {
    for (const kind of ['brief', 'tasks', 'dayof'] as const) {
      expect(parseDocName(`event:${id}:${kind}`)).toEqual({ eventId: id, kind });
      expect(formatDocName(id, kind)).toBe(`event:${id}:${kind}`);
    }
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'event',
      `event:${id}`,
      `event:${id}:notes`,
      `lead:${id}:brief`,
      'event:not-a-uuid:brief',
      `event:${id}:brief:extra`,
      `event:${id}x:brief`,
      `Event:${id}:brief`,
    ]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});

describe('roomFromPath', () => {
  it('takes the room after / or /collab/', () => {
    expect(roomFromPath(`/event:${id}:brief`)).toBe(`event:${id}:brief`);
    expect(roomFromPath(`/collab/event:${id}:tasks`)).toBe(`event:${id}:tasks`);
    expect(roomFromPath(`/event%3A${id}%3Adayof`)).toBe(`event:${id}:dayof`);
  });

  it('returns null for empty or nested paths', () => {
    expect(roomFromPath('/')).toBeNull();
    expect(roomFromPath('/collab/')).toBeNull();
    expect(roomFromPath('/a/b')).toBeNull();
    expect(roomFromPath('/%E0%A4%A')).toBeNull();
  });
});
