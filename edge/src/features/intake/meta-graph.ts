import type { LeadAttribution } from '../../db/schema/records.ts';

/** A Meta lead's answers, fetched from the Graph API. */
export interface MetaLeadAnswers {
  answers: Record<string, string>;
  createdTime: string | null;
  formId: string | null;
  adId: string | null;
  adsetId: string | null;
  campaignId: string | null;
  campaignName: string | null;
  /** `fb` or `ig`: which Meta app the form was filled in. */
  platform: string | null;
}

/** Where a lead's form answers come from. The Graph API in production; a local server in tests. */
export interface MetaLeadSource {
  fetchLead(leadgenId: string): Promise<MetaLeadAnswers>;
}

interface GraphLead {
  field_data?: { name: string; values?: string[] }[];
  created_time?: string;
  form_id?: string;
  ad_id?: string;
  adset_id?: string;
  campaign_id?: string;
  campaign_name?: string;
  platform?: string;
  error?: { message?: string };
}

/**
 * The Graph API adapter: GET /{leadgen-id}?fields=…&access_token=… with the page access
 * token, as Meta documents for Lead Ads retrieval.
 */
export function graphApiLeadSource(opts: {
  baseUrl: string;
  accessToken: string;
  fetch?: typeof fetch;
}): MetaLeadSource {
  const doFetch = opts.fetch ?? fetch;
  return {
    async fetchLead(leadgenId) {
      if (!/^\d{1,30}$/.test(leadgenId)) throw new Error(`leadgen id ${leadgenId} is not numeric`);
      const url = new URL(`${opts.baseUrl.replace(/\/$/, '')}/${leadgenId}`);
      url.searchParams.set(
        'fields',
        'field_data,created_time,form_id,ad_id,adset_id,campaign_id,campaign_name,platform',
      );
      url.searchParams.set('access_token', opts.accessToken);
      const res = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      const body = (await res.json().catch(() => ({}))) as GraphLead;
      if (!res.ok) throw new Error(`Graph API answered ${res.status}: ${body.error?.message ?? 'no message'}`);
      const answers: Record<string, string> = {};
      for (const f of body.field_data ?? []) answers[f.name] = (f.values ?? []).join(', ');
      return {
        answers,
        createdTime: body.created_time ?? null,
        formId: body.form_id ?? null,
        adId: body.ad_id ?? null,
        adsetId: body.adset_id ?? null,
        campaignId: body.campaign_id ?? null,
        campaignName: body.campaign_name ?? null,
        platform: body.platform ?? null,
      };
    },
  };
}

/** What a fetched Meta lead says about its campaign, as the lead's attribution. */
export function metaAttribution(lead: MetaLeadAnswers, formId: string | null): LeadAttribution {
  const a: LeadAttribution = {
    utmSource: lead.platform === 'ig' ? 'instagram' : 'facebook',
    utmMedium: 'paid_social',
  };
  if (lead.campaignName) a.utmCampaign = lead.campaignName;
  if (lead.campaignId) a.campaignId = lead.campaignId;
  if (lead.adsetId) a.adGroupId = lead.adsetId;
  if (lead.adId) a.adId = lead.adId;
  const form = lead.formId ?? formId;
  if (form) a.formId = form;
  return a;
}
