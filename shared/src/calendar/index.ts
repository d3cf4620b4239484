/** The calendar: entries, ICS feeds, meetings. */
export {
  CALENDAR_TYPE_LABELS,
  CALENDAR_TYPES,
  type CalendarEntry,
  type CalendarQuery,
  type CalendarType,
  daysOf,
  ZCalendarEntries,
  ZCalendarFeed,
  ZCalendarQuery,
  ZMoveCalendarEntry,
} from './calendar.ts';
export { buildIcs, foldLine, type IcsEvent, icsText } from './ics.ts';
export {
  type Meeting,
  type MeetingOutcome,
  type ScheduleMeeting,
  ZMeeting,
  ZMeetingOutcome,
  ZScheduleMeeting,
} from './meetings.ts';
