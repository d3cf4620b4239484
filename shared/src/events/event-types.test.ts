import { describe, expect, it } from 'vitest';
import { readImportRow } from '../leads/import-mapping.ts';
import {
  BUILT_IN_EVENT_TYPES,
  eventTypeKeyOf,
  findHouseEventType,
  type HouseEventType,
  ZAddEventType,
} from './event-types.ts';

const house: HouseEventType[] = [
  ...BUILT_IN_EVENT_TYPES,
  { key: 'tilak', label: 'Tilak', builtIn: false },
  { key: 'sufi_night', label: 'Sufi night', builtIn: false },
];

describe('the house list of event types', () => {
  it('starts with the common Indian functions', () => {
    const keys = BUILT_IN_EVENT_TYPES.map((t) => t.key);
    for (const k of ['mehendi', 'haldi', 'sangeet', 'engagement', 'reception', 'nikah', 'anniversary', 'roka'])
      expect(keys).toContain(k);
    expect(BUILT_IN_EVENT_TYPES.find((t) => t.key === 'griha_pravesh')?.label).toBe('Griha pravesh');
  });

  it('makes a key from a name as people write it, in any script', () => {
    expect(eventTypeKeyOf('Sufi Night')).toBe('sufi_night');
    expect(eventTypeKeyOf('  Tilak  ')).toBe('tilak');
    expect(eventTypeKeyOf('Sangeet & Cocktail')).toBe('sangeet_cocktail');
    expect(eventTypeKeyOf('मेहंदी')).toBe('मेहंदी');
    expect(eventTypeKeyOf('!!!')).toBeNull();
    expect(ZAddEventType.safeParse({ label: '--' }).success).toBe(false);
    expect(ZAddEventType.safeParse({ label: 'Tilak', extra: 1 }).success).toBe(false);
  });

  it('finds a type by key or name, any case or spacing', () => {
    expect(findHouseEventType(house, 'SUFI NIGHT')?.key).toBe('sufi_night');
    expect(findHouseEventType(house, 'sufi_night')?.key).toBe('sufi_night');
    expect(findHouseEventType(house, 'Jaago')).toBeNull();
  });

  it('the importer reads a type the house added; an unknown one is kept as Other with a warning', () => {
    const mapping = { name: 0, phone: 1, eventType: 2 };
    const tilak = readImportRow(['Asha Mehta', '9820012345', 'Tilak'], mapping, [], house);
    expect(tilak.ok && tilak.lead.eventType).toBe('tilak');
    expect(tilak.warnings).toEqual([]);
    // Without the house's additions, the same cell is an unknown value: kept, never fatal.
    const builtInOnly = readImportRow(['Asha Mehta', '9820012345', 'Tilak'], mapping);
    expect(builtInOnly.ok && builtInOnly.lead.eventType).toBe('other');
    expect(builtInOnly.ok && builtInOnly.lead.functions.map((f) => f.name)).toEqual(['Tilak']);
    expect(builtInOnly.warnings[0]).toMatchObject({
      field: 'eventType',
      message: expect.stringMatching(/not in the house list/),
    });
    const mixed = readImportRow(['Asha Mehta', '9820012345', 'Sufi night + Wedding'], mapping, [], house);
    expect(mixed.ok && mixed.lead.eventType).toBe('wedding');
    expect(mixed.warnings).toEqual([]);
  });
});
