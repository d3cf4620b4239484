/** Global search. */
export {
  SEARCH_KIND_LABELS,
  SEARCH_KINDS,
  type SearchKind,
  type SearchResult,
  searchableKinds,
  searchHref,
  toFtsQuery,
  ZSearchQuery,
  ZSearchResults,
} from './search.ts';
