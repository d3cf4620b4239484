import { z } from 'zod';

const ZAttendee = z.strictObject({
  name: z.string().trim().min(1, { error: 'name each attendee' }).max(120),
  email: z.email({ error: 'must be an email address' }).nullable().default(null),
  phone: z.string().trim().max(20).nullable().default(null),
});

export const ZScheduleMeeting = z
  .strictObject({
    leadId: z.uuid().optional(),
    eventId: z.uuid().optional(),
    title: z.string().trim().min(1, { error: 'give the meeting a title' }).max(200),
    startsAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }),
    durationMinutes: z.number().int().min(10, { error: 'at least 10 minutes' }).max(600, { error: 'at most 10 hours' }),
    location: z.string().trim().max(300).nullable().default(null),
    attendees: z.array(ZAttendee).min(1, { error: 'invite at least one person' }).max(30),
  })
  .refine((m) => Boolean(m.leadId) !== Boolean(m.eventId), {
    error: 'schedule it from a lead or from an event (one of them)',
    path: ['leadId'],
  });
export type ScheduleMeeting = z.infer<typeof ZScheduleMeeting>;

export const ZMeetingOutcome = z.strictObject({
  notes: z.string().trim().min(1, { error: 'write what was discussed' }).max(10_000),
  references: z
    .array(
      z.strictObject({
        title: z.string().trim().min(1).max(200),
        url: z.url({ error: 'must be a link (https://…)' }).nullable().default(null),
      }),
    )
    .max(50)
    .default([]),
  reactions: z.string().trim().max(5000).default(''),
  decisions: z.string().trim().max(5000).default(''),
});
export type MeetingOutcome = z.infer<typeof ZMeetingOutcome>;

export const ZMeeting = z.object({
  id: z.string(),
  leadId: z.string().nullable(),
  eventId: z.string().nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })),
  provider: z.enum(['google', 'ics']),
  meetUrl: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  outcome: z
    .object({
      notes: z.string(),
      references: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
      reactions: z.string(),
      decisions: z.string(),
    })
    .nullable(),
  organizerName: z.string().nullable(),
  /** The .ics invitation (always available: attach it to an email or WhatsApp). */
  inviteUrl: z.string(),
});
export type Meeting = z.infer<typeof ZMeeting>;
