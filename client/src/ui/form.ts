import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldPath, type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api/errors.ts';

/**
 * The one way to build a form: React Hook Form, validated by a shared zod schema (the same one the
 * server checks), so a rule such as the minimum password length is written once. Fields are checked
 * when first left and then as they change.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: z.input<S>) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as never,
    mode: 'onTouched',
  });
}

/** A schema's message as a person reads it under a field ("use at least 10 characters" → "Use at least …"). */
export function fieldError(message: string | undefined): string | undefined {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined;
}

/**
 * Shows a refusal from the server: its field errors go under the fields the form has, and the
 * message is returned for the form's banner.
 */
export function serverError<T extends FieldValues, O extends FieldValues>(
  form: UseFormReturn<T, unknown, O>,
  err: unknown,
): string {
  if (err instanceof ApiError && err.fields) {
    const known = Object.keys(form.getValues());
    for (const [field, message] of Object.entries(err.fields)) {
      if (known.includes(field)) form.setError(field as FieldPath<T>, { type: 'server', message });
    }
  }
  return errorMessage(err);
}
