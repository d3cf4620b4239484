import { describe, expect, it } from 'vitest';
import { formatBriefShareSubject, parseBriefShareToken } from './share-token.ts';

const EVENT = '0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b';
const LINK = '0190a7b2-aaaa-7e4f-8a9b-0c1d2e3f4a5b';

describe('brief share tokens', () => {
  it('name the brief and the link row, and read back from a whole token', () => {
    const subject = formatBriefShareSubject(`event:${EVENT}:brief`, LINK);
    expect(parseBriefShareToken(`${subject}.1790000000.${'A'.repeat(43)}`)).toMatchObject({
      docName: `event:${EVENT}:brief`,
      linkId: LINK,
      doc: { scope: 'event', eventId: EVENT, kind: 'brief' },
    });
    expect(parseBriefShareToken(`lead:${EVENT}:brief.1.x`)).toMatchObject({ linkId: null });
  });

  it('refuse anything but a brief, a malformed link id, or extra parts', () => {
    expect(parseBriefShareToken(`event:${EVENT}:tasks~${LINK}.1.x`)).toBeNull();
    expect(parseBriefShareToken(`event:${EVENT}:brief~nope.1.x`)).toBeNull();
    expect(parseBriefShareToken(`event:${EVENT}:brief~${LINK}~${LINK}.1.x`)).toBeNull();
    expect(parseBriefShareToken('eyJhbGciOiJIUzI1NiJ9.e30.x')).toBeNull();
  });
});
