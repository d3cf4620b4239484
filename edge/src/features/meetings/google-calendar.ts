import { toBase64Url } from '@mandap/shared/access';
import type { Env } from '../../env.ts';
import { AppError } from '../../lib/errors.ts';

/** What the adapter needs to know about a meeting. */
export interface CalendarInvite {
  /** Our meeting id: also the conference requestId, so a retried create makes one Meet. */
  meetingId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  attendees: { name: string; email: string }[];
}

export interface CreatedEvent {
  providerEventId: string;
  meetUrl: string | null;
  htmlLink: string | null;
}

interface ServiceAccount {
  client_email: string;
  private_key: string;
  token_uri?: string;
}

const SCOPE = 'https://www.googleapis.com/auth/calendar.events';
const enc = new TextEncoder();
const b64urlJson = (v: unknown) => toBase64Url(enc.encode(JSON.stringify(v)));

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A service account's access token: an RS256 JWT assertion exchanged at its token URI (WebCrypto, any runtime). */
export async function serviceAccountToken(sa: ServiceAccount, subject: string | undefined, now: Date): Promise<string> {
  const tokenUri = sa.token_uri ?? 'https://oauth2.googleapis.com/token';
  const iat = Math.floor(now.getTime() / 1000);
  const claims = {
    iss: sa.client_email,
    scope: SCOPE,
    aud: tokenUri,
    iat,
    exp: iat + 3600,
    ...(subject ? { sub: subject } : {}),
  };
  const unsigned = `${b64urlJson({ alg: 'RS256', typ: 'JWT' })}.${b64urlJson(claims)}`;
  const key = await crypto.subtle.importKey(
    'pkcs8',
    pemToDer(sa.private_key),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sig = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, enc.encode(unsigned)));
  const res = await fetch(tokenUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: `${unsigned}.${toBase64Url(sig)}`,
    }),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new AppError(
      'unprocessable',
      `Google refused the service account (${res.status}): ${body.error_description ?? 'no token'}.`,
    );
  return body.access_token;
}

/** Whether meetings get Google Meet links (a Google account is configured) or .ics invitations. */
export function googleCalendarConfigured(env: Env): boolean {
  return Boolean(env.GOOGLE_SERVICE_ACCOUNT_JSON || env.GOOGLE_CALENDAR_ACCESS_TOKEN);
}

async function accessToken(env: Env, now: Date): Promise<string> {
  if (env.GOOGLE_SERVICE_ACCOUNT_JSON) {
    let sa: ServiceAccount;
    try {
      sa = JSON.parse(env.GOOGLE_SERVICE_ACCOUNT_JSON) as ServiceAccount;
    } catch {
      throw new AppError(
        'unprocessable',
        'GOOGLE_SERVICE_ACCOUNT_JSON is not valid JSON: paste the key file as it is.',
      );
    }
    return serviceAccountToken(sa, env.GOOGLE_CALENDAR_SUBJECT, now);
  }
  return env.GOOGLE_CALENDAR_ACCESS_TOKEN!;
}

/**
 * Creates the event with a Meet conference: `POST /calendar/v3/calendars/{id}/events` with
 * `conferenceDataVersion=1` and `conferenceData.createRequest` (hangoutsMeet), inviting the
 * attendees (`sendUpdates=all`, so Google emails them). The Meet link may still be pending in
 * the answer; it is then null and the meeting says so.
 */
export async function createGoogleMeeting(env: Env, invite: CalendarInvite, now: Date): Promise<CreatedEvent> {
  const token = await accessToken(env, now);
  const url = new URL(
    `/calendar/v3/calendars/${encodeURIComponent(env.GOOGLE_CALENDAR_ID)}/events`,
    env.GOOGLE_CALENDAR_API_URL,
  );
  url.searchParams.set('conferenceDataVersion', '1');
  url.searchParams.set('sendUpdates', 'all');
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      summary: invite.title,
      description: invite.description,
      ...(invite.location ? { location: invite.location } : {}),
      start: { dateTime: invite.startsAt, timeZone: 'Asia/Kolkata' },
      end: { dateTime: invite.endsAt, timeZone: 'Asia/Kolkata' },
      attendees: invite.attendees.map((a) => ({ email: a.email, displayName: a.name })),
      conferenceData: {
        createRequest: { requestId: invite.meetingId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
      reminders: { useDefault: true },
    }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    id?: string;
    hangoutLink?: string;
    htmlLink?: string;
    conferenceData?: { entryPoints?: { entryPointType?: string; uri?: string }[] };
    error?: { message?: string };
  };
  if (!res.ok || !body.id)
    throw new AppError(
      'unprocessable',
      `Google Calendar refused the meeting (${res.status}): ${body.error?.message ?? 'no event id'}.`,
    );
  const video = body.conferenceData?.entryPoints?.find((e) => e.entryPointType === 'video')?.uri;
  return { providerEventId: body.id, meetUrl: body.hangoutLink ?? video ?? null, htmlLink: body.htmlLink ?? null };
}
