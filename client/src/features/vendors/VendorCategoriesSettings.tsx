import { categoryKeyOf } from '@mandap/shared/vendors';
import { Alert, Badge, Button, Card, Group, Loader, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useAddCategory, useVendorCategories } from './vendors.api.ts';

/**
 * Settings → vendor categories: the built-in list (décor, catering, …) and those the house
 * added ("Tent & fabric"), which vendors, POs and budgets can then use.
 */
export function VendorCategoriesSettings() {
  const q = useVendorCategories();
  const add = useAddCategory();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    try {
      const { category } = await add.mutateAsync(label.trim());
      notifications.show({ color: 'green', message: `Vendor category "${category.label}" added.` });
      setLabel('');
    } catch (e) {
      setError(errorMessage(e));
    }
  }

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
      <Group align="flex-end" gap="xs">
        <TextInput
          label="New category"
          placeholder="e.g. Tent & fabric"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          description={label.trim().length >= 2 ? `Key: ${categoryKeyOf(label)}` : ' '}
          maxLength={40}
        />
        <Button onClick={submit} loading={add.isPending} disabled={label.trim().length < 2} mb={20}>
          Add category
        </Button>
      </Group>
      {error && (
        <Alert color="red" variant="light" mt="xs" title="Not added">
          {error}
        </Alert>
      )}
    </Card>
  );
}
