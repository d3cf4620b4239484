import { hasPermission } from '@mandap/shared/access';
import { formatMoney } from '@mandap/shared/money';
import { type CatalogueItem, QUOTE_CATEGORIES, TAX_CLASSES } from '@mandap/shared/quotes';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { CatalogueItemModal } from './CatalogueItemModal.tsx';
import { useCatalogue, useEditCatalogueItem } from './quotes.api.ts';

/** The house's reusable quotation lines (editable) and the built-in ones (read-only). */
export function CataloguePage() {
  const canWrite = hasPermission(useMe().role, 'quotes:write');
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<CatalogueItem | null | 'new'>(null);
  const catalogue = useCatalogue(showRetired);
  const edit = useEditCatalogueItem();
  const setActive = async (item: CatalogueItem, active: boolean) => {
    try {
      await edit.mutateAsync({ id: item.id, active });
      notifications.show({
        color: 'green',
        message: active ? `“${item.name}” is back in the picker` : `“${item.name}” retired: quotes keep their lines`,
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/quotes" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Quotes
        </Group>
      </Anchor>
      <PageHeader
        title="Quote catalogue"
        description="Standard lines with default rates in ₹ that the quote builder offers. Built-in lines cannot be edited: add your own."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add item
            </Button>
          )
        }
      />
      <Switch
        label="Show retired items"
        checked={showRetired}
        onChange={(e) => setShowRetired(e.currentTarget.checked)}
      />
      {catalogue.isPending ? (
        <Skeleton h={320} radius="lg" />
      ) : catalogue.isError ? (
        <QueryError error={catalogue.error} onRetry={() => catalogue.refetch()} />
      ) : (
        <Paper withBorder p={0} radius="md" style={{ overflow: 'auto' }}>
          <Table highlightOnHover verticalSpacing="sm" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th ta="right">Default rate</Table.Th>
                <Table.Th>Tax</Table.Th>
                <Table.Th>Source</Table.Th>
                {canWrite && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalogue.data.items.map((item) => (
                <CatalogueRow
                  key={item.id}
                  item={item}
                  canWrite={canWrite}
                  busy={edit.isPending}
                  onEdit={() => setEditing(item)}
                  onSetActive={(active) => setActive(item, active)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <CatalogueItemModal item={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

function CatalogueRow({
  item,
  canWrite,
  busy,
  onEdit,
  onSetActive,
}: {
  item: CatalogueItem;
  canWrite: boolean;
  busy: boolean;
  onEdit: () => void;
  onSetActive: (active: boolean) => void;
}) {
  const isHouse = item.active !== undefined;
  const retired = item.active === false;
  return (
    <Table.Tr data-testid={`catalogue-row-${item.id}`} opacity={retired ? 0.6 : 1}>
      <Table.Td>
        <Text fw={600} size="sm">
          {item.name}
        </Text>
        <Text size="xs" c="dimmed">
          per {item.unit} · SAC {item.sac}
        </Text>
      </Table.Td>
      <Table.Td>{QUOTE_CATEGORIES[item.category]}</Table.Td>
      <Table.Td ta="right">{formatMoney({ amountMinor: item.rateMinor, currency: 'INR' })}</Table.Td>
      <Table.Td>{TAX_CLASSES[item.taxClass].label}</Table.Td>
      <Table.Td>
        {retired ? (
          <Badge color="gray" variant="light">
            Retired
          </Badge>
        ) : isHouse ? (
          <Badge color="indigo" variant="light">
            House
          </Badge>
        ) : (
          <Badge color="gray" variant="outline">
            Built-in
          </Badge>
        )}
      </Table.Td>
      {canWrite && (
        <Table.Td>
          {isHouse && (
            <Group gap={4} justify="flex-end" wrap="nowrap">
              <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`Edit ${item.name}`}>
                Edit
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color={retired ? 'indigo' : 'red'}
                disabled={busy}
                aria-label={`${retired ? 'Restore' : 'Retire'} ${item.name}`}
                onClick={() => onSetActive(retired)}
              >
                {retired ? 'Restore' : 'Retire'}
              </Button>
            </Group>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
