import { parseIndianDate } from './dates.ts';
import { normalisePhone } from './phone.ts';

/** What an ad platform's lead form told us, mapped onto lead fields. Unreadable values are kept in `extra`. */
export interface ProviderLeadFields {
  name: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  eventDateFrom: string | null;
  extra: Record<string, string>;
  problems: string[];
}

const NAME_KEYS = ['full_name', 'name'];
const PHONE_KEYS = ['phone_number', 'phone', 'mobile', 'mobile_number', 'work_phone'];
const EMAIL_KEYS = ['email', 'work_email'];
const CITY_KEYS = ['city', 'location'];
const DATE_KEYS = ['event_date', 'wedding_date', 'date'];

/**
 * Maps form answers (Meta `field_data` names or Google `column_id`s, any case) onto a lead.
 * A bad phone is not fatal: the lead is still recorded and the problem is noted.
 */
export function mapProviderFields(answers: Record<string, string>): ProviderLeadFields {
  const byKey = new Map(Object.entries(answers).map(([k, v]) => [k.trim().toLowerCase(), v.trim()]));
  const used = new Set<string>();
  const take = (keys: string[]) => {
    for (const k of keys) {
      const v = byKey.get(k);
      if (v) {
        used.add(k);
        return v;
      }
    }
    return null;
  };
  const problems: string[] = [];
  const first = take(['first_name']);
  const last = take(['last_name']);
  const name = take(NAME_KEYS) ?? ([first, last].filter(Boolean).join(' ') || null);
  const rawPhone = take(PHONE_KEYS);
  let phone: string | null = null;
  if (rawPhone) {
    const p = normalisePhone(rawPhone);
    if (p.ok) phone = p.e164;
    else problems.push(`phone: ${p.message}`);
  }
  const rawEmail = take(EMAIL_KEYS);
  const email = rawEmail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(rawEmail) ? rawEmail.toLowerCase() : null;
  if (rawEmail && !email) problems.push(`email: "${rawEmail}" is not an email address`);
  const rawDate = take(DATE_KEYS);
  const eventDateFrom = rawDate ? parseIndianDate(rawDate) : null;
  if (rawDate && !eventDateFrom) problems.push(`event date: "${rawDate}" is not a date`);
  const city = take(CITY_KEYS);
  const extra = Object.fromEntries([...byKey].filter(([k]) => !used.has(k)));
  return { name, phone, email, city, eventDateFrom, extra, problems };
}
