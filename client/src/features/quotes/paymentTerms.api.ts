import type { PaymentTermTemplate, PaymentTermTemplateInput } from '@mandap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api/client.ts';

const typed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);
const KEY = ['settings', 'payment-terms'];

/** The house's payment-term templates (a new quote starts with the first). */
export function usePaymentTermTemplates() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api('/api/settings/payment-terms', { schema: typed<{ templates: PaymentTermTemplate[] }>(), signal }),
    select: (d) => d.templates,
  });
}

export function useSavePaymentTermTemplates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templates: PaymentTermTemplateInput[]) =>
      api('/api/settings/payment-terms', {
        method: 'PUT',
        body: { templates },
        schema: typed<{ templates: PaymentTermTemplate[] }>(),
      }),
    onSuccess: (d) => qc.setQueryData(KEY, d),
  });
}
