import type { LeadAttribution } from '../../db/schema/records.ts';
import type { Deps } from '../../lib/context.ts';
import { timingSafeEqual } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { recordDelivery } from './inbox.ts';
import { recordProviderLead } from './provider-lead.ts';

interface GooglePayload {
  lead_id?: string;
  google_key?: string;
  campaign_id?: string | number;
  adgroup_id?: string | number;
  creative_id?: string | number;
  form_id?: string | number;
  gcl_id?: string;
  is_test?: boolean;
  user_column_data?: { column_id?: string; column_name?: string; string_value?: string }[];
}

const same = (a: string, b: string) => timingSafeEqual(new TextEncoder().encode(a), new TextEncoder().encode(b));

const idOf = (v: string | number | undefined) => (v == null || v === '' ? undefined : String(v).slice(0, 100));

/** Google's click id as itself, and the campaign, ad group, ad and form ids, for campaign ROI. */
function googleAttribution(p: GooglePayload): LeadAttribution {
  const a: LeadAttribution = { utmSource: 'google', utmMedium: 'cpc' };
  if (p.gcl_id) a.gclid = String(p.gcl_id).slice(0, 300);
  const ids = {
    campaignId: idOf(p.campaign_id),
    adGroupId: idOf(p.adgroup_id),
    adId: idOf(p.creative_id),
    formId: idOf(p.form_id),
  };
  for (const [k, v] of Object.entries(ids)) if (v) a[k as keyof typeof ids] = v;
  return a;
}

/** One Google Ads lead form delivery: check google_key, map user_column_data, one lead per lead_id. */
export async function receiveGoogleDelivery(deps: Deps, raw: { body: string; headers: Record<string, string> }) {
  const now = deps.now();
  const inbox = { provider: 'google_ads', headers: raw.headers, body: raw.body, at: now };
  let payload: GooglePayload;
  try {
    payload = JSON.parse(raw.body) as GooglePayload;
  } catch {
    await recordDelivery(deps.db, { ...inbox, signatureValid: false, status: 'rejected', reason: 'body is not JSON' });
    throw new AppError('invalid_json', 'The body is not JSON.');
  }
  const key = deps.env.GOOGLE_LEADS_KEY;
  if (!key || !payload.google_key || !same(key, payload.google_key)) {
    const reason = !key
      ? 'GOOGLE_LEADS_KEY is not configured'
      : payload.google_key
        ? 'google_key does not match'
        : 'google_key is missing';
    await recordDelivery(deps.db, { ...inbox, signatureValid: false, status: 'rejected', reason });
    throw new AppError('unauthenticated', `Refused: ${reason}.`);
  }
  const leadId = payload.lead_id ? String(payload.lead_id) : null;
  if (!leadId) {
    await recordDelivery(deps.db, { ...inbox, signatureValid: true, status: 'rejected', reason: 'lead_id is missing' });
    throw new AppError('validation_failed', 'lead_id is missing.', { fields: { lead_id: 'required' } });
  }
  if (payload.is_test === true) {
    // Google's "send test data" button: acknowledged (Google wants a 200) and kept in the inbox, never a lead.
    await recordDelivery(deps.db, {
      ...inbox,
      providerEventId: null,
      signatureValid: true,
      status: 'processed',
      reason: `test lead ${leadId} (is_test): kept out of the pipeline`,
    });
    return { kind: 'test_lead' as const, code: '' };
  }
  const answers: Record<string, string> = {};
  for (const c of payload.user_column_data ?? []) {
    const k = c.column_id ?? c.column_name;
    if (k && c.string_value) answers[k] = c.string_value;
  }
  return deps.db.transaction(async (tx) => {
    const r = await recordProviderLead(
      tx,
      {
        source: 'google_ads',
        externalRef: leadId,
        answers,
        sourceDetail: `Google campaign ${payload.campaign_id ?? '?'}`,
        attribution: googleAttribution(payload),
      },
      now,
    );
    const duplicate = r.kind === 'repeat_delivery';
    await recordDelivery(tx, {
      ...inbox,
      providerEventId: duplicate ? null : leadId,
      signatureValid: true,
      status: duplicate ? 'duplicate' : 'processed',
      reason: duplicate ? `lead ${leadId} already recorded as ${r.code}` : `${r.kind} ${r.code}`,
    });
    return r;
  });
}
