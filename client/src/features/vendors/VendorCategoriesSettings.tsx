import { categoryKeyOf, ZVendorCategoryCreate } from '@mandap/shared/vendors';
import { Badge, Button, Card, Group, Loader, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useAddCategory, useVendorCategories } from './vendors.api.ts';

/**
 * Settings → vendor categories: the built-in list (décor, catering, …) and those the house
 * added ("Tent & fabric"), which vendors, POs and budgets can then use. The form is checked by the
 * shared `ZVendorCategoryCreate`; `add` sends the checked label (the edge unless a caller gives its own).
 */
export function VendorCategoriesSettings({ add: send }: { add?: (label: string) => Promise<unknown> }) {
  const q = useVendorCategories();
  const add = useAddCategory();
  const form = useZodForm(ZVendorCategoryCreate, { label: '' });
  const label = form.watch('label');
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await (send ?? add.mutateAsync)(request.label);
    notifications.show({ color: 'green', message: `Vendor category "${request.label}" added.` });
    form.reset();
  });

  return (
    <Card withBorder mt="md" data-testid="vendor-categories">
      <Text fw={600}>Vendor categories</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Used for vendors, POs and event budgets. Built-in categories cannot be removed; added ones are kept because POs
        and budgets refer to them.
      </Text>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : !q.data ? (
        <Loader size="sm" />
      ) : (
        <Group gap={6} mb="sm">
          {q.data.map((c) => (
            <Badge key={c.key} variant={c.builtIn ? 'light' : 'filled'} color={c.builtIn ? 'gray' : 'teal'} tt="none">
              {c.label}
            </Badge>
          ))}
        </Group>
      )}
      <form onSubmit={onSubmit} noValidate aria-label="Add a vendor category">
        <Group align="flex-end" gap="xs">
          <TextInput
            label="New category"
            placeholder="e.g. Tent & fabric"
            {...form.register('label')}
            error={fieldError(form.formState.errors.label?.message)}
            description={label.trim().length >= 2 ? `Key: ${categoryKeyOf(label)}` : ' '}
            maxLength={40}
          />
          <Button type="submit" loading={submitting} mb={20}>
            Add category
          </Button>
        </Group>
        <FormError message={error} />
      </form>
    </Card>
  );
}
