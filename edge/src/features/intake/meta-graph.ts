/** A Meta lead's answers, fetched from the Graph API. */
export interface MetaLeadAnswers {
  answers: Record<string, string>;
  createdTime: string | null;
  formId: string | null;
  adId: string | null;
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
      url.searchParams.set('fields', 'field_data,created_time,form_id,ad_id');
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
      };
    },
  };
}
