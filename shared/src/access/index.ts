/** Roles, permissions, the one scoping rule (who sees what under an event), event access links, signed links. */
export { type DocAccessDecision, decideDocAccess, decideDocNameAccess, decideLeadDocAccess } from './docs.ts';
export {
  accessLevelsFor,
  EVENT_ACCESS_LABELS,
  EVENT_ACCESS_LEVELS,
  type EventAccessCandidate,
  type EventAccessEntry,
  type EventAccessLevel,
  type EventAccessSource,
  ZEventAccessCandidates,
  ZEventAccessEntry,
  ZEventAccessInput,
  ZEventAccessList,
} from './event-access.ts';
export { type RedactedKind, redact, redactQuoteVersion } from './fields.ts';
export {
  canAssignRole,
  canOpenScreen,
  hasPermission,
  INTERNAL_ROLES,
  isScopedRole,
  NAV_AREAS,
  type NavArea,
  navFor,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_LABELS,
  ROLES,
  type Role,
  type RoutePermission,
} from './permissions.ts';
export {
  type Audience,
  audienceOf,
  canSeeEvent,
  canSeeQuoteVersion,
  canSeeUnderEvent,
  canWriteUnderEvent,
  EVENT_RECORDS,
  type EventLink,
  type EventRecord,
  needsEventLink,
} from './scope.ts';
export {
  fromBase64Url,
  LINK_PURPOSE,
  type LinkCheck,
  signLink,
  timingSafeEqual,
  toBase64Url,
  verifyLink,
} from './signed-link.ts';
