import { renderTemplate, templateOf } from '@mandap/shared/notifications';
import { TextInput } from '@mantine/core';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { fieldError, useField } from '../../ui/form.ts';
import { type TemplateInfo, useTemplates } from './inbox.api.ts';

/** `name` is filled by the edge from each recipient (the contact, each lead), so no form asks for it. */
const filledPerRecipient = (variable: string) => variable !== 'name';

/** The variables a person fills for a template, each blank. */
export const blankVariables = (tpl: { variables: readonly string[] } | undefined): Record<string, string> =>
  Object.fromEntries((tpl?.variables ?? []).filter(filledPerRecipient).map((v) => [v, '']));

/**
 * The edge's own check before anything is queued (`renderTemplate`: every variable of the template
 * filled), made on the request before it is sent, so the blank variable is named under its field.
 */
export function templateVariablesFilled(
  request: { template?: string; variables?: Record<string, string> },
  ctx: z.RefinementCtx,
) {
  const tpl = request.template ? templateOf(request.template) : undefined;
  if (!tpl) return;
  const rendered = renderTemplate(tpl, { ...request.variables, name: 'each recipient' });
  if (rendered.ok) return;
  for (const variable of rendered.missing)
    ctx.addIssue({ code: 'custom', path: ['variables', variable], message: `fill in ${variable}` });
}

type TemplateForm = FieldValues & { template: string | null; variables: Record<string, string> };

/**
 * A form's `template` field as a Select's props (the approved templates, by label and category);
 * picking one starts its variables blank. `tpl` is the template picked.
 */
export function useTemplateField<T extends TemplateForm>(form: UseFormReturn<T, unknown, FieldValues>) {
  const templates = useTemplates().data?.templates ?? [];
  const field = useField(form, 'template' as Path<T>);
  const select = {
    ...field,
    value: field.value as string | null,
    data: templates.map((t) => ({ value: t.key, label: `${t.label} (${t.category})` })),
    onChange: (key: string | null) => {
      field.onChange(key as PathValue<T, Path<T>>);
      form.setValue(
        'variables' as Path<T>,
        blankVariables(templates.find((t) => t.key === key)) as PathValue<T, Path<T>>,
      );
    },
  };
  return { select, tpl: templates.find((t) => t.key === field.value) };
}

/** A text box for each variable of the template (its sample as the placeholder), bound to `variables.<name>`. */
export function TemplateVariables<T extends FieldValues & { variables: Record<string, string> }>({
  form,
  tpl,
}: {
  form: UseFormReturn<T, unknown, FieldValues>;
  tpl: TemplateInfo | undefined;
}) {
  const errors = form.formState.errors.variables as Record<string, { message?: string } | undefined> | undefined;
  return (tpl?.variables ?? [])
    .filter(filledPerRecipient)
    .map((v) => (
      <TextInput
        key={v}
        label={v}
        placeholder={tpl?.sample[v]}
        {...form.register(`variables.${v}` as Path<T>)}
        error={fieldError(errors?.[v]?.message)}
      />
    ));
}
