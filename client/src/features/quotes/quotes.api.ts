import type {
  AcceptQuote,
  CatalogueItem,
  CatalogueItemInput,
  CatalogueItemPatch,
  CompanyProfile,
  CompanyProfileInput,
  CreateQuoteInput,
  DeclineQuote,
  PublicQuoteView,
  QuoteDetail,
  QuoteDiff,
  QuoteDraftInput,
  QuoteLine,
  QuoteStatus,
  QuoteSummary,
  RequestChanges,
} from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

/** The server's quote bodies are typed in shared/ and validated there; here we only check their outline. */
const typed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export interface ShareLink {
  url: string;
  expiresAt: string;
  message: string;
  whatsappUrl: string;
}

export interface VersionDiff {
  from: { version: number; status: QuoteStatus; currency: string };
  to: { version: number; status: QuoteStatus; currency: string };
  diff: QuoteDiff<QuoteLine>;
}

export function useQuotes(filter: { leadId?: string; eventId?: string } = {}) {
  const qs = new URLSearchParams(filter as Record<string, string>).toString();
  return useQuery({
    queryKey: ['quotes', 'list', qs],
    queryFn: ({ signal }) => api(`/api/quotes?${qs}`, { schema: typed<{ quotes: QuoteSummary[] }>(), signal }),
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: ['quotes', 'one', id],
    queryFn: ({ signal }) => api(`/api/quotes/${id}`, { schema: typed<QuoteDetail>(), signal }),
  });
}

export function useQuoteDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['quotes', 'diff', id, from, to],
    queryFn: ({ signal }) =>
      api(`/api/quotes/${id}/diff?from=${from}&to=${to}`, { schema: typed<VersionDiff>(), signal }),
    enabled: from !== null && to !== null && from !== to,
  });
}

function useQuoteMutation<I, O>(request: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => qc.invalidateQueries({ queryKey: ['quotes'] }) });
}

export const useCreateQuote = () =>
  useQuoteMutation((body: CreateQuoteInput) =>
    api('/api/quotes', { method: 'POST', body, schema: typed<QuoteDetail>() }),
  );

export const useSaveDraft = (id: string) =>
  useQuoteMutation((body: QuoteDraftInput) =>
    api(`/api/quotes/${id}/draft`, { method: 'PUT', body, schema: typed<QuoteDetail>() }),
  );

export const useSendQuote = (id: string) =>
  useQuoteMutation(() =>
    api(`/api/quotes/${id}/send`, { method: 'POST', body: {}, schema: typed<QuoteDetail & { share: ShareLink }>() }),
  );

export const useNextVersion = (id: string) =>
  useQuoteMutation((negotiationNote: string | null) =>
    api(`/api/quotes/${id}/versions`, { method: 'POST', body: { negotiationNote }, schema: typed<QuoteDetail>() }),
  );

export const useShareLink = (id: string) =>
  useMutation({
    mutationFn: (version: number) =>
      api(`/api/quotes/${id}/versions/${version}/share-link`, { method: 'POST', body: {}, schema: typed<ShareLink>() }),
  });

export function usePublicQuote(token: string) {
  return useQuery({
    queryKey: ['public-quote', token],
    queryFn: ({ signal }) =>
      api(`/api/public/quotes/${token}`, { schema: typed<PublicQuoteView>(), auth: false, signal }),
    retry: false,
  });
}

export function usePublicQuoteAction(token: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['public-quote', token] });
  const accept = useMutation({
    mutationFn: (body: AcceptQuote) =>
      api(`/api/public/quotes/${token}/accept`, {
        method: 'POST',
        body,
        schema: typed<PublicQuoteView>(),
        auth: false,
      }),
    onSuccess,
  });
  const requestChanges = useMutation({
    mutationFn: (body: RequestChanges) =>
      api(`/api/public/quotes/${token}/request-changes`, {
        method: 'POST',
        body,
        schema: z.object({ ok: z.literal(true) }),
        auth: false,
      }),
  });
  const decline = useMutation({
    mutationFn: (body: DeclineQuote) =>
      api(`/api/public/quotes/${token}/decline`, {
        method: 'POST',
        body,
        schema: typed<PublicQuoteView>(),
        auth: false,
      }),
    onSuccess,
  });
  return { accept, requestChanges, decline };
}

/** A signed-in client opens their quote on the public page (a one-day link to the newest sent version). */
export const fetchClientQuoteLink = (id: string) =>
  api(`/api/quotes/${id}/client-link`, { schema: z.object({ url: z.string() }) });

export function useCompanyProfile() {
  return useQuery({
    queryKey: ['settings', 'company'],
    queryFn: ({ signal }) => api('/api/settings/company', { schema: typed<{ company: CompanyProfile }>(), signal }),
  });
}

export function useSaveCompanyProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyProfileInput) =>
      api('/api/settings/company', { method: 'PUT', body, schema: typed<{ company: CompanyProfile }>() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['settings', 'company'] }),
  });
}

export function useEditCatalogueItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: CatalogueItemPatch & { id: string }) =>
      api(`/api/quote-catalogue/${id}`, { method: 'PATCH', body, schema: typed<{ item: CatalogueItem }>() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['quote-catalogue'] }),
  });
}

/** The catalogue: the house's items then the built-in ones; `all` adds retired house items (the catalogue screen). */
export function useCatalogue(all = false) {
  return useQuery({
    queryKey: ['quote-catalogue', all],
    queryFn: ({ signal }) =>
      api(`/api/quote-catalogue${all ? '?all=true' : ''}`, { schema: typed<{ items: CatalogueItem[] }>(), signal }),
    staleTime: 60_000,
  });
}

export function useAddCatalogueItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CatalogueItemInput) =>
      api('/api/quote-catalogue', { method: 'POST', body, schema: typed<{ item: CatalogueItem }>() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['quote-catalogue'] }),
  });
}
