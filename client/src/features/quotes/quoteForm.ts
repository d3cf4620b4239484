import type { QuoteDraft, QuoteDraftInput } from '@mandap/shared/quotes';
import type { UseFormReturn } from 'react-hook-form';

/**
 * The quote builder's form: it holds the draft exactly as the draft request names it (the
 * shared `ZQuoteDraft` checks it, as the server does on save), so each issue lands under its
 * field: `title`, `lines.2.description`, `discount.percent`.
 */
export type QuoteForm = UseFormReturn<QuoteDraftInput, unknown, QuoteDraft>;
