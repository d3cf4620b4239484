import { generateNKeysBetween } from 'fractional-indexing';
import { z } from 'zod';
import type { Checklist, ChecklistItem } from './dayof.ts';

/** Which of the house's templates (as a person picks one). */
export const ZChecklistTemplateKey = z.enum(['wedding', 'corporate'], { error: 'pick a template' });

/** A checklist template: areas, each with its lines. Editable per event once instantiated. */
export interface ChecklistTemplate {
  key: z.infer<typeof ZChecklistTemplateKey>;
  label: string;
  areas: readonly { area: string; items: readonly string[] }[];
}

/** The house's starting templates. */
export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  {
    key: 'wedding',
    label: 'Wedding function',
    areas: [
      {
        area: 'Mandap & stage',
        items: ['Mandap structure checked', 'Florals placed', 'Havan kund and samagri ready', 'Seating for family'],
      },
      {
        area: 'Sound & light',
        items: ['Sound check done', 'DJ console powered', 'Uplighters on', 'Backup generator tested'],
      },
      {
        area: 'Catering',
        items: ['Counters set', 'Jain/veg labels placed', 'Water stations filled', 'Tasting signed off'],
      },
      {
        area: 'Guest arrival',
        items: ['Welcome desk staffed', 'Valet briefed', 'Signage in place', 'Baraat route clear'],
      },
    ],
  },
  {
    key: 'corporate',
    label: 'Corporate event',
    areas: [
      { area: 'Registration', items: ['Badges printed', 'Desk staffed', 'Guest list loaded'] },
      {
        area: 'Stage & AV',
        items: ['Projector and screen tested', 'Mics charged', 'Presentation loaded', 'Clicker works'],
      },
      { area: 'Hall', items: ['Seating per layout', 'Branding up', 'Wi-Fi details displayed'] },
      { area: 'Food & beverage', items: ['Tea/coffee break set', 'Lunch counters set', 'Dietary labels placed'] },
    ],
  },
];

/**
 * The checklists and items of `template` for one function, with fresh ids and order keys
 * placed after `afterOrder` (the last existing checklist's key, or null).
 */
export function instantiateTemplate(
  template: ChecklistTemplate,
  functionName: string,
  afterOrder: string | null,
  newId: () => string,
): { checklists: Checklist[]; items: ChecklistItem[] } {
  const listKeys = generateNKeysBetween(afterOrder, null, template.areas.length);
  const checklists: Checklist[] = [];
  const items: ChecklistItem[] = [];
  template.areas.forEach((area, i) => {
    const checklistId = newId();
    checklists.push({
      id: checklistId,
      title: functionName ? `${functionName} — ${area.area}` : area.area,
      functionName,
      area: area.area,
      order: listKeys[i] as string,
    });
    const itemKeys = generateNKeysBetween(null, null, area.items.length);
    area.items.forEach((label, j) => {
      items.push({
        id: newId(),
        checklistId,
        label,
        order: itemKeys[j] as string,
        doneById: null,
        doneByName: null,
        doneAt: null,
      });
    });
  });
  return { checklists, items };
}
