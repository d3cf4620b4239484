import type { LeadFilters } from './leads.api.ts';

/** A named set of filters, kept in this browser's localStorage (not yet shared across devices). */
export interface SavedView {
  name: string;
  filters: LeadFilters;
}

const KEY = 'mandap.leads.savedViews';

export function loadSavedViews(): SavedView[] {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SavedView[]) : [];
  } catch {
    return [];
  }
}

export function storeSavedViews(views: SavedView[]): void {
  localStorage.setItem(KEY, JSON.stringify(views));
}
