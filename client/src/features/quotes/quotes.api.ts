import type { CompanyProfileInput } from '@mandap/shared/company';
import type {
  AcceptQuote,
  CatalogueItemInput,
  CatalogueItemPatch,
  CreateQuoteInput,
  DeclineQuote,
  QuoteDraftInput,
  RequestChanges,
} from '@mandap/shared/quotes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, type Ok, publicEdge, withSignal } from '../../api/rpc.ts';

const shareLinkEndpoint = edge.quotes[':id'].versions[':version']['share-link'].$post;
/** A signed share link with its WhatsApp message, as the edge answers it. */
export type ShareLink = Ok<Awaited<ReturnType<typeof shareLinkEndpoint>>>;

export function useQuotes(filter: { leadId?: string; eventId?: string } = {}) {
  return useQuery({
    queryKey: ['quotes', 'list', filter.leadId ?? '', filter.eventId ?? ''],
    queryFn: ({ signal }) => call(edge.quotes.$get({ query: filter }, withSignal(signal))),
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: ['quotes', 'one', id],
    queryFn: ({ signal }) => call(edge.quotes[':id'].$get({ param: { id } }, withSignal(signal))),
  });
}

export function useQuoteDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['quotes', 'diff', id, from, to],
    queryFn: ({ signal }) =>
      call(
        edge.quotes[':id'].diff.$get({ param: { id }, query: { from: `${from}`, to: `${to}` } }, withSignal(signal)),
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

function useQuoteMutation<I, O>(request: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => qc.invalidateQueries({ queryKey: ['quotes'] }) });
}

export const useCreateQuote = () => useQuoteMutation((json: CreateQuoteInput) => call(edge.quotes.$post({ json })));

export const useSaveDraft = (id: string) =>
  useQuoteMutation((json: QuoteDraftInput) => call(edge.quotes[':id'].draft.$put({ param: { id }, json })));

export const useSendQuote = (id: string) =>
  useQuoteMutation(() => call(edge.quotes[':id'].send.$post({ param: { id }, json: {} })));

export const useNextVersion = (id: string) =>
  useQuoteMutation((negotiationNote: string | null) =>
    call(edge.quotes[':id'].versions.$post({ param: { id }, json: { negotiationNote } })),
  );

export const useShareLink = (id: string) =>
  useMutation({
    mutationFn: (version: number) => call(shareLinkEndpoint({ param: { id, version: `${version}` }, json: {} })),
  });

export function usePublicQuote(token: string) {
  return useQuery({
    queryKey: ['public-quote', token],
    queryFn: ({ signal }) => call(publicEdge.public.quotes[':token'].$get({ param: { token } }, withSignal(signal))),
    retry: false,
  });
}

export function usePublicQuoteAction(token: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['public-quote', token] });
  const quote = publicEdge.public.quotes[':token'];
  const accept = useMutation({
    mutationFn: (json: AcceptQuote) => call(quote.accept.$post({ param: { token }, json })),
    onSuccess,
  });
  const requestChanges = useMutation({
    mutationFn: (json: RequestChanges) => call(quote['request-changes'].$post({ param: { token }, json })),
  });
  const decline = useMutation({
    mutationFn: (json: DeclineQuote) => call(quote.decline.$post({ param: { token }, json })),
    onSuccess,
  });
  return { accept, requestChanges, decline };
}

/** A signed-in client opens their quote on the public page (a one-day link to the newest sent version). */
export const fetchClientQuoteLink = (id: string) => call(edge.quotes[':id']['client-link'].$get({ param: { id } }));

export function useCompanyProfile() {
  return useQuery({
    queryKey: ['settings', 'company'],
    queryFn: ({ signal }) => call(edge.settings.company.$get(undefined, withSignal(signal))),
  });
}

export function useSaveCompanyProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: CompanyProfileInput) => call(edge.settings.company.$put({ json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['settings', 'company'] }),
  });
}

export function useEditCatalogueItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...json }: CatalogueItemPatch & { id: string }) =>
      call(edge['quote-catalogue'][':id'].$patch({ param: { id }, json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['quote-catalogue'] }),
  });
}

/** The catalogue: the house's items then the built-in ones; `all` adds retired house items (the catalogue screen). */
export function useCatalogue(all = false) {
  return useQuery({
    queryKey: ['quote-catalogue', all],
    queryFn: ({ signal }) =>
      call(edge['quote-catalogue'].$get({ query: all ? { all: 'true' } : {} }, withSignal(signal))),
    staleTime: 60_000,
  });
}

export function useAddCatalogueItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: CatalogueItemInput) => call(edge['quote-catalogue'].$post({ json })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['quote-catalogue'] }),
  });
}
