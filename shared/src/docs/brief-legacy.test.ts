import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { briefDoc } from './brief.ts';
import { clearLegacyBrief, legacyBriefPatch, readLegacyBrief } from './brief-legacy.ts';

const empty = { budgetMinMinor: null, budgetMaxMinor: null, requirements: null, functions: [] };

function legacyDoc() {
  const doc = new Y.Doc();
  const brief = briefDoc(doc);
  brief.setField('budgetMinor', 30_00_000_00);
  brief.setField('requirements', 'Jain menu');
  brief.functions.put({ id: 'f1', name: 'Sangeet', date: '2099-02-13', guestCount: 280, venue: '', order: 'a' });
  brief.functions.put({ id: 'f2', name: 'Haldi', date: null, guestCount: null, venue: 'Lawn', order: 'b' });
  brief.venues.put({ id: 'v1', name: 'Sahara Star', city: 'Mumbai', status: 'considering', order: 'a' });
  return { doc, brief };
}

describe('the legacy brief data moves into the one record', () => {
  it('reads nothing from a document written after the move', () => {
    expect(readLegacyBrief(briefDoc(new Y.Doc()))).toBeNull();
  });

  it('fills an empty record with everything the document held', () => {
    const { brief } = legacyDoc();
    const patch = legacyBriefPatch(empty, readLegacyBrief(brief)!);
    expect(patch.budgetMaxMinor).toBe(30_00_000_00);
    expect(patch.functions).toEqual([
      { name: 'Sangeet', date: '2099-02-13', guestCount: 280 },
      { name: 'Haldi', date: null, guestCount: null },
    ]);
    expect(patch.requirements).toBe('Jain menu\n\nHaldi venue: Lawn');
  });

  it('never overwrites the record; a disagreement is kept as a note; applying twice changes nothing more', () => {
    const { brief } = legacyDoc();
    const record = {
      budgetMinMinor: 20_00_000_00,
      budgetMaxMinor: 25_00_000_00,
      requirements: 'No fireworks',
      functions: [{ name: 'sangeet', date: '2099-02-13', guestCount: 300 }],
    };
    const patch = legacyBriefPatch(record, readLegacyBrief(brief)!);
    expect(patch.budgetMaxMinor).toBeUndefined();
    expect(patch.functions).toEqual([...record.functions, { name: 'Haldi', date: null, guestCount: null }]);
    expect(patch.requirements).toBe(
      'No fireworks\n\nJain menu\n\nBudget in the live brief: ₹30,00,000\n\nHaldi venue: Lawn',
    );
    const again = legacyBriefPatch({ ...record, ...patch }, readLegacyBrief(brief)!);
    expect(again).toEqual({});
  });

  it('clearing removes the legacy parts and keeps the venue shortlist and the text', () => {
    const { doc, brief } = legacyDoc();
    brief.text.insert(0, [new Y.XmlText('Mehendi on the lawn')]);
    clearLegacyBrief(brief);
    expect(readLegacyBrief(brief)).toBeNull();
    expect(brief.venues.list()).toHaveLength(1);
    expect(briefDoc(doc).text.toString()).toContain('Mehendi on the lawn');
  });
});
