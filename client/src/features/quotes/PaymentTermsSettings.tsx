import { type PaymentTermTemplate, type PaymentTermTemplateInput, ZPaymentTermTemplates } from '@mandap/shared/quotes';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { errorAt, fieldError, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { PaymentTermsEditor } from './PaymentTermsEditor.tsx';
import { usePaymentTermTemplates, useSavePaymentTermTemplates } from './paymentTerms.api.ts';

type TemplatesForm = UseFormReturn<
  z.input<typeof ZPaymentTermTemplates>,
  unknown,
  z.output<typeof ZPaymentTermTemplates>
>;

const valuesOf = (templates: readonly PaymentTermTemplate[]) => ({
  templates: templates.map((t) => ({ name: t.name, terms: t.terms.map((x) => ({ ...x })) })),
});

/** Settings → Payment terms: the house templates a quote's terms start from (the first is the default). */
export function PaymentTermsSettings() {
  const templates = usePaymentTermTemplates();
  const save = useSavePaymentTermTemplates();
  if (!templates.data) return null;
  return <PaymentTermsForm templates={templates.data} save={(t) => save.mutateAsync(t)} />;
}

/** One template: its name and its instalments (which must add up to 100%). */
function TemplateRow({
  form,
  index: i,
  onRemove,
}: {
  form: TemplatesForm;
  index: number;
  onRemove: (() => void) | null;
}) {
  const terms = useField(form, `templates.${i}.terms`);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label={`Template ${i + 1} name`}
          w={{ base: '100%', sm: 420 }}
          {...form.register(`templates.${i}.name`)}
          error={fieldError(form.formState.errors.templates?.[i]?.name?.message)}
        />
        {onRemove && (
          <Button variant="subtle" color="red" onClick={onRemove}>
            Remove template
          </Button>
        )}
      </Group>
      <PaymentTermsEditor
        label="Instalments"
        withTemplates={false}
        terms={terms.value}
        readOnly={false}
        error={errorAt(form, `templates.${i}.terms`)}
        onChange={terms.onChange}
      />
    </Stack>
  );
}

/** The templates form, checked by the shared `ZPaymentTermTemplates`; `save` sends the parsed templates. */
export function PaymentTermsForm({
  templates,
  save,
}: {
  templates: readonly PaymentTermTemplate[];
  save: (templates: PaymentTermTemplateInput[]) => Promise<{ templates: PaymentTermTemplate[] }>;
}) {
  const form = useZodForm(ZPaymentTermTemplates, valuesOf(templates)) as TemplatesForm;
  const rows = useFieldArray({ control: form.control, name: 'templates' });
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    const saved = await save(body.templates);
    form.reset(valuesOf(saved.templates));
    notifications.show({ color: 'teal', message: 'Payment terms saved.' });
  });
  const listError = fieldError(
    form.formState.errors.templates?.message ?? form.formState.errors.templates?.root?.message,
  );
  return (
    <Card withBorder mt="lg" data-testid="payment-terms-settings">
      <form onSubmit={onSubmit} noValidate aria-label="Payment terms">
        <Title order={3}>Payment terms</Title>
        <Text size="sm" c="dimmed" mb="sm">
          House templates for the instalments printed on a quote. A new quote starts with the first; the milestone plan
          is made from the terms the client signed.
        </Text>
        <Stack gap="lg">
          {rows.fields.map((row, i) => (
            <TemplateRow
              key={row.id}
              form={form}
              index={i}
              onRemove={rows.fields.length > 1 ? () => rows.remove(i) : null}
            />
          ))}
          {listError && (
            <Text size="sm" c="red">
              {listError}
            </Text>
          )}
          <FormError message={error} />
          <Group>
            <Button
              variant="default"
              onClick={() =>
                rows.append({
                  name: 'New template',
                  terms: [{ label: 'Full payment', percent: 100, anchor: 'acceptance', days: 0 }],
                })
              }
            >
              Add template
            </Button>
            <Button type="submit" loading={submitting}>
              Save payment terms
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
