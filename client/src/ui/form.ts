import { zodResolver } from '@hookform/resolvers/zod';
import { type BaseSyntheticEvent, useRef, useState } from 'react';
import {
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
  type UseFormReturn,
  useController,
  useForm,
} from 'react-hook-form';
import { z } from 'zod';
import { ApiError, errorMessage } from '../api/errors.ts';

/**
 * The one way to build a form: React Hook Form, validated by a shared zod schema (the same one the
 * server checks), so a rule such as the minimum password length is written once. Fields are checked
 * when first left and then as they change. The submit handler gets the schema's parsed output.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: z.input<S>) {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as never,
    mode: 'onTouched',
  });
}

/**
 * A form's schema made from a shared request schema: the form holds what people type (blank text,
 * an empty number box, a date not picked yet), `toRequest` turns that into the request, and the
 * shared schema checks it. Name the form's fields as the request names them (`event.endDate`), so
 * each issue lands under its field; extend the shared schema (`.extend`, `.superRefine`) for a
 * rule only this form has, never copy one. `whenBlank` words the message for a field left empty
 * ("enter the date…" rather than the API's "use a date like 2026-12-14"); `rows.*.field` words it
 * for that field in every row of a list.
 */
export function requestForm<F extends FieldValues, S extends z.ZodType<FieldValues>>(
  schema: S,
  toRequest: (values: F) => z.input<S>,
  whenBlank: Partial<Record<FieldPath<F> | AnyRow<FieldPath<F>>, string>> = {},
) {
  const blankMessage = whenBlank as Record<string, string | undefined>;
  return z.custom<F>().transform((values, ctx): z.output<S> => {
    const parsed = schema.safeParse(toRequest(values));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      // An issue inside what one field holds as typed (a link on a line of a text box) lands under that field.
      const field = fieldOf(values, issue.path);
      const path = field.join('.');
      const blank = blankMessage[path] ?? blankMessage[path.replace(/\.\d+(?=\.)/g, '.*')];
      const typed = field.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | null)?.[key], values);
      const isBlank = typed == null || (typeof typed === 'string' && !typed.trim());
      ctx.addIssue({ code: 'custom', path: field, message: blank && isBlank ? blank : issue.message });
    }
    return z.NEVER;
  });
}

/** The part of an issue's path the form holds: it stops at a value the form keeps whole (text, a number). */
function fieldOf(values: unknown, path: readonly PropertyKey[]): PropertyKey[] {
  const field: PropertyKey[] = [];
  let value = values;
  for (const key of path) {
    if (field.length > 0 && (value === null || typeof value !== 'object')) break;
    field.push(key);
    value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  }
  return field;
}

/** A field of any row of a list (`milestones.*.label`), for a message that is the same in every row. */
type AnyRow<P extends string> = P extends `${infer A}.${number}.${infer B}` ? `${A}.*.${AnyRow<B> | B}` : never;

/** Text left blank is not sent (the request's optional field stays absent). */
export const optionalText = (value: string | null | undefined): string | undefined =>
  value?.trim() ? value : undefined;

/**
 * A required choice (a Select) not made yet, passed on as it is: the shared schema refuses it
 * under its field, worded by `whenBlank`. Only for `toRequest`, whose type asks for the choice.
 */
export const required = <T>(choice: T | null): T => choice as T;

/** A schema's message as a person reads it under a field ("use at least 10 characters" → "Use at least …"). */
export function fieldError(message: string | undefined): string | undefined {
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined;
}

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

/**
 * Binds a controlled Mantine input (Select, DateField, NumberInput, Checkbox via `checked`) to one
 * field of the form, with the field's error ready for the input's `error`.
 */
export function useField<T extends FieldValues, O extends FieldValues, N extends FieldPath<T>>(
  form: UseFormReturn<T, unknown, O>,
  name: N,
) {
  const { field, fieldState } = useController({ control: form.control, name });
  return {
    name,
    value: field.value as FieldPathValue<T, N>,
    onChange: field.onChange as (value: FieldPathValue<T, N>) => void,
    onBlur: field.onBlur,
    ref: field.ref,
    error: fieldError(fieldState.error?.message),
  };
}

/** A bound field (from {@link useField}) as a Checkbox's or Switch's props. */
export const asCheckbox = (f: ReturnType<typeof useField> & { value: boolean }) => ({
  name: f.name,
  ref: f.ref,
  onBlur: f.onBlur,
  checked: f.value,
  onChange: (e: { currentTarget: { checked: boolean } }) => f.onChange(e.currentTarget.checked),
  error: f.error,
});

/** A bound amount in minor units (from {@link useField}) as MoneyInput's props. */
export const asMoney = (f: ReturnType<typeof useField> & { value: number }) => ({
  name: f.name,
  ref: f.ref,
  onBlur: f.onBlur,
  valueMinor: f.value,
  onChangeMinor: f.onChange as (minor: number) => void,
  error: f.error,
});

/**
 * A bound amount in paise that may be left blank (from {@link useField}) as a NumberInput's props:
 * the box shows rupees with lakh grouping, blank is null.
 */
export const asRupees = (f: ReturnType<typeof useField> & { value: number | null }) => ({
  name: f.name,
  ref: f.ref,
  onBlur: f.onBlur,
  value: f.value == null ? '' : f.value / 100,
  // Mantine passes a string while the box holds a number part-typed ("400."): it is still that amount.
  onChange: (rupees: number | string) =>
    (f.onChange as (minor: number | null) => void)(
      rupees === '' || !Number.isFinite(Number(rupees)) ? null : Math.round(Number(rupees) * 100),
    ),
  error: f.error,
  decimalScale: 2,
  thousandSeparator: ',',
  thousandsGroupStyle: 'lakh' as const,
  min: 0,
});

/**
 * Shows a refusal from the server: its field errors go under the fields the form has (nested ones
 * too: `event.city`), and the message is returned for the form's banner.
 */
export function serverError<T extends FieldValues, O extends FieldValues>(
  form: UseFormReturn<T, unknown, O>,
  err: unknown,
): string {
  if (err instanceof ApiError && err.fields) {
    for (const [field, message] of Object.entries(err.fields)) {
      if (form.getValues(field as FieldPath<T>) !== undefined)
        form.setError(field as FieldPath<T>, { type: 'server', message });
    }
  }
  return errorMessage(err);
}

/**
 * A form's submit, the one way: the schema checks the values, then `send` gets the parsed values.
 * One send at a time: a second click or Enter while one is on its way is ignored, and `submitting`
 * holds the button (`loading={submitting}`). When `send` throws, the server's field errors go under
 * their fields ({@link serverError}), its message becomes `error` for the form's banner
 * (`<FormError message={error} />`), and what was typed stays. To refuse before sending (a check the
 * schema cannot make), throw an `Error` whose message says what to do. `onError` words a refusal
 * itself (return the banner text; `undefined` falls back to the server's message). `setError` sets
 * or clears the banner, e.g. when the form is closed.
 *
 * ```tsx
 * const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
 *   await invite.mutateAsync(request);
 *   onClose();
 * });
 * ```
 */
export function useSubmit<T extends FieldValues, O extends FieldValues>(
  form: UseFormReturn<T, unknown, O>,
  send: (values: O) => unknown,
  onError?: (err: unknown) => string | undefined | Promise<string | undefined>,
) {
  const [error, setError] = useState<string | null>(null);
  const sending = useRef(false);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await send(values);
    } catch (err) {
      setError((await onError?.(err)) ?? serverError(form, err));
    }
  });
  const onSubmit = async (e?: BaseSyntheticEvent) => {
    if (sending.current) {
      e?.preventDefault();
      return;
    }
    sending.current = true;
    try {
      await submit(e);
    } finally {
      sending.current = false;
    }
  };
  return { onSubmit, error, setError, submitting: form.formState.isSubmitting };
}
