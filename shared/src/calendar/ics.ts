/**
 * iCalendar (RFC 5545) text for feeds and meeting invitations: CRLF line ends, lines folded at
 * 75 octets, text escaped, all-day events as DATE values with an exclusive DTEND.
 */

export interface IcsEvent {
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** All-day: yyyy-mm-dd (inclusive end). Timed: ISO date-times. */
  allDay: boolean;
  start: string;
  end: string;
  /** Invitations: the organiser and the attendees. */
  organizer?: { name: string; email: string } | null;
  attendees?: { name: string; email: string }[];
  sequence?: number;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  stamp: Date;
}

/** Escapes TEXT values: backslash, semicolon, comma and new lines. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** UTF-8 length of one character (shared/ compiles without DOM or Node types). */
function utf8Length(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}
const byteLength = (s: string) => [...s].reduce((n, ch) => n + utf8Length(ch), 0);

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dateValue = (day: string) => day.replace(/-/g, '');
function nextDay(day: string): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

function eventLines(e: IcsEvent): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.stamp)}`];
  if (e.allDay) {
    lines.push(`DTSTART;VALUE=DATE:${dateValue(e.start)}`, `DTEND;VALUE=DATE:${dateValue(nextDay(e.end))}`);
  } else {
    lines.push(`DTSTART:${utcStamp(new Date(e.start))}`, `DTEND:${utcStamp(new Date(e.end))}`);
  }
  lines.push(`SUMMARY:${icsText(e.title)}`);
  if (e.description) lines.push(`DESCRIPTION:${icsText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${icsText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${icsParam(e.organizer.name)}:mailto:${e.organizer.email}`);
  for (const a of e.attendees ?? [])
    lines.push(
      `ATTENDEE;CN=${icsParam(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`,
    );
  lines.push('END:VEVENT');
  return lines;
}

/** A parameter value: quoted, without the characters a quoted value cannot hold. */
function icsParam(v: string): string {
  return `"${v.replace(/["\r\n]/g, '')}"`;
}

/** A calendar: a feed (METHOD absent or PUBLISH) or an invitation (METHOD:REQUEST / CANCEL). */
export function buildIcs(opts: {
  name: string;
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  events: IcsEvent[];
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mandap//Event operations//EN',
    'CALSCALE:GREGORIAN',
    ...(opts.method ? [`METHOD:${opts.method}`] : []),
    `X-WR-CALNAME:${icsText(opts.name)}`,
    'X-WR-TIMEZONE:Asia/Kolkata',
    ...opts.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
