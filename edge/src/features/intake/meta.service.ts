import type { Deps } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findByExternalRef } from '../leads/lead-create.ts';
import { recordDelivery } from './inbox.ts';
import { fillFetchedLead, pendingMetaFetch, queueMetaFetch } from './meta-fetch.service.ts';
import { graphApiLeadSource, type MetaLeadAnswers, type MetaLeadSource, metaAttribution } from './meta-graph.ts';
import { isValidMetaSignature } from './meta-signature.ts';
import { recordProviderLead } from './provider-lead.ts';

interface MetaPayload {
  object?: string;
  entry?: {
    id?: string;
    changes?: {
      field?: string;
      value?: { leadgen_id?: string | number; form_id?: string | number; page_id?: string | number };
    }[];
  }[];
}

/** Answers Meta's subscription check: echo hub.challenge when the verify token matches. */
export function verifyMetaSubscription(deps: Deps, q: { mode?: string; token?: string; challenge?: string }): string {
  const expected = deps.env.META_VERIFY_TOKEN;
  if (!expected) throw new AppError('forbidden', 'Meta Lead Ads is not configured (META_VERIFY_TOKEN is unset).');
  if (q.mode !== 'subscribe' || q.token !== expected || !q.challenge)
    throw new AppError('forbidden', 'The verify token does not match.');
  return q.challenge;
}

export function metaLeadSourceFor(deps: Deps): MetaLeadSource | null {
  const token = deps.env.META_PAGE_ACCESS_TOKEN;
  return token ? graphApiLeadSource({ baseUrl: deps.env.META_GRAPH_URL, accessToken: token }) : null;
}

/**
 * One Meta webhook delivery: verify the signature over the raw body, then one lead per
 * leadgen id, fetched from the Graph API when configured. A lead whose fetch fails (or with no
 * token configured) is kept pending, saying why, and the job tick retries it with backoff; a
 * re-delivery of a pending lead fetches again and fills its missing fields.
 */
export async function receiveMetaDelivery(
  deps: Deps,
  raw: { body: string; signature: string | undefined; headers: Record<string, string> },
  source: MetaLeadSource | null = metaLeadSourceFor(deps),
) {
  const now = deps.now();
  const inbox = { provider: 'meta', headers: raw.headers, body: raw.body, at: now };
  const secret = deps.env.META_APP_SECRET;
  const valid = secret ? await isValidMetaSignature(secret, raw.body, raw.signature) : false;
  if (!valid) {
    const reason = !secret
      ? 'META_APP_SECRET is not configured'
      : raw.signature
        ? 'X-Hub-Signature-256 does not match the body'
        : 'X-Hub-Signature-256 is missing';
    await recordDelivery(deps.db, { ...inbox, signatureValid: false, status: 'rejected', reason });
    throw new AppError('unauthenticated', `Refused: ${reason}.`);
  }
  let payload: MetaPayload;
  try {
    payload = JSON.parse(raw.body) as MetaPayload;
  } catch {
    await recordDelivery(deps.db, { ...inbox, signatureValid: true, status: 'rejected', reason: 'body is not JSON' });
    throw new AppError('invalid_json', 'The body is not JSON.');
  }
  const changes = (payload.entry ?? []).flatMap((e) => (e.changes ?? []).filter((c) => c.field === 'leadgen'));
  const results: { leadgenId: string; outcome: string; code: string }[] = [];
  for (const change of changes) {
    const leadgenId = String(change.value?.leadgen_id ?? '');
    if (!leadgenId) continue;
    const formId = change.value?.form_id != null ? String(change.value.form_id) : null;
    const seen = await findByExternalRef(deps.db, 'meta_ads', leadgenId);
    // A re-delivery of a lead whose fields never arrived is a fresh chance to fetch them.
    const pending = seen ? await pendingMetaFetch(deps.db, leadgenId) : null;
    let fetched: MetaLeadAnswers | null = null;
    let pendingNote: string | null = null;
    if (seen && !pending) {
      // Already complete: nothing to fetch.
    } else if (!source)
      pendingNote = 'Pending: fields not fetched because the Meta page access token is not configured.';
    else {
      try {
        fetched = await source.fetchLead(leadgenId);
      } catch (err) {
        pendingNote = `Pending: fetching the fields failed (${err instanceof Error ? err.message : String(err)}).`;
      }
    }
    const outcome = await deps.db.transaction(async (tx) => {
      const r = await recordProviderLead(
        tx,
        {
          source: 'meta_ads',
          externalRef: leadgenId,
          answers: fetched?.answers ?? {},
          sourceDetail: `Meta form ${formId ?? '?'}`,
          pendingNote,
          attribution: fetched ? metaAttribution(fetched, formId) : formId ? { formId } : null,
        },
        now,
      );
      if (r.kind === 'repeat_delivery' && pending && fetched)
        await fillFetchedLead(tx, { leadId: r.leadId, leadgenId, fetched, formId, at: now });
      if (r.kind === 'created' && pendingNote)
        await queueMetaFetch(tx, { leadgenId, leadId: r.leadId, error: pendingNote, at: now });
      const refreshed = r.kind === 'repeat_delivery' && pending && fetched;
      await recordDelivery(tx, {
        ...inbox,
        providerEventId: r.kind === 'repeat_delivery' ? null : leadgenId,
        signatureValid: true,
        status: r.kind === 'repeat_delivery' ? 'duplicate' : 'processed',
        reason:
          r.kind === 'repeat_delivery'
            ? `leadgen ${leadgenId} already recorded as ${r.code}${refreshed ? '; its missing fields were filled' : ''}`
            : `${r.kind} ${r.code}${pendingNote ? ' (pending fields)' : ''}`,
      });
      return refreshed ? { ...r, kind: 'refreshed' as const } : r;
    });
    results.push({ leadgenId, outcome: outcome.kind, code: outcome.code });
  }
  if (results.length === 0)
    await recordDelivery(deps.db, {
      ...inbox,
      signatureValid: true,
      status: 'processed',
      reason: 'no leadgen changes in the delivery',
    });
  return results;
}
