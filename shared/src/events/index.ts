/** The booked occasion (a wedding, a conference): its kinds, booking states, lifecycle and workspace. Not a domain event: those are in journal. */
export {
  type BookingEffect,
  type BookingFacts,
  type BookingMoveDecision,
  bookingTargets,
  decideBookingMove,
} from './booking-lifecycle.ts';
export {
  BUILT_IN_EVENT_TYPES,
  eventTypeKeyOf,
  findHouseEventType,
  type HouseEventType,
  ZAddEventType,
  ZEventTypeKey,
  ZHouseEventTypes,
} from './event-types.ts';
export {
  BOOKING_STATE_LABELS,
  BOOKING_STATES,
  type BookingState,
  type BuiltInEventType,
  EVENT_TYPES,
  type EventType,
} from './lifecycle.ts';
export { type EventBrief, type EventSummary, ZEventBrief, ZEventList, ZEventSummary } from './schemas.ts';
export {
  type Assignee,
  type BriefShareLink,
  type BriefShareLinkRow,
  type ClientConfig,
  type EventVendor,
  type MyTask,
  ZAssigneeList,
  ZAssigneesQuery,
  ZBriefShareInput,
  ZBriefShareLink,
  ZBriefShareLinkList,
  ZBriefShareLinkRow,
  ZClientConfig,
  ZEventVendorList,
  ZMyTaskList,
  ZMyTasksQuery,
} from './workspace.ts';
