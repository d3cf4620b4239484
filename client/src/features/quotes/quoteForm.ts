import type { QuoteDraft, QuoteDraftInput } from '@mandap/shared/quotes';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { fieldError } from '../../ui/form.ts';

/**
 * The quote builder's form: it holds the draft exactly as the draft request names it (the
 * shared `ZQuoteDraft` checks it, as the server does on save), so each issue lands under its
 * field: `title`, `lines.2.description`, `discount.percent`.
 */
export type QuoteForm = UseFormReturn<QuoteDraftInput, unknown, QuoteDraft>;

/**
 * The first message at or below a path of a form's errors, worded for a person: a choice that
 * holds an object or a list (a discount, the payment terms, address lines) has its issues under
 * its parts (`discount.percent`, `paymentTerms.0.label`, `address.1`) and shows them under the
 * one input.
 */
export function errorAt<T extends FieldValues, O extends FieldValues>(
  form: UseFormReturn<T, unknown, O>,
  name: FieldPath<T>,
): string | undefined {
  return firstMessage(form.getFieldState(name, form.formState).error);
}

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string' && message) return fieldError(message);
  for (const [key, inner] of Object.entries(error)) {
    if (key === 'ref') continue;
    const found = firstMessage(inner);
    if (found) return found;
  }
  return undefined;
}
