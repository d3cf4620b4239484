/** The vendor categories every house starts with; Settings can add more (stored on the edge). */
export const DEFAULT_VENDOR_CATEGORIES = [
  { key: 'decor', label: 'Décor' },
  { key: 'catering', label: 'Catering' },
  { key: 'photography', label: 'Photography' },
  { key: 'videography', label: 'Videography' },
  { key: 'dj_sound', label: 'DJ and sound' },
  { key: 'lighting', label: 'Lighting' },
  { key: 'florist', label: 'Florist' },
  { key: 'makeup', label: 'Makeup' },
  { key: 'mehendi', label: 'Mehendi artist' },
  { key: 'transport', label: 'Transport' },
  { key: 'venue', label: 'Venue' },
  { key: 'hospitality', label: 'Hospitality' },
  { key: 'printing', label: 'Printing' },
  { key: 'security', label: 'Security' },
] as const;

/** A category key: lower-case letters, digits and underscores (décor → decor). */
export const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** A label turned into a category key: "Tent & Fabric" → tent_fabric. */
export function categoryKeyOf(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
