import type { PaymentTermTemplateInput } from '@mandap/shared/quotes';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, edge, withSignal } from '../../api/rpc.ts';

const KEY = ['settings', 'payment-terms'];

/** The house's payment-term templates (a new quote starts with the first). */
export function usePaymentTermTemplates() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => call(edge.settings['payment-terms'].$get(undefined, withSignal(signal))),
    select: (d) => d.templates,
  });
}

export function useSavePaymentTermTemplates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templates: PaymentTermTemplateInput[]) =>
      call(edge.settings['payment-terms'].$put({ json: { templates } })),
    onSuccess: (d) => qc.setQueryData(KEY, d),
  });
}
