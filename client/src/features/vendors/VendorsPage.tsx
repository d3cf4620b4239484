import { hasPermission } from '@mandap/shared/access';
import type { Vendor } from '@mandap/shared/vendors';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Loader,
  Modal,
  Rating,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useEvents } from '../events/useEvents.ts';
import { AddVendorForm } from './AddVendorForm.tsx';
import { BankDetailsLine } from './BankDetailsLine.tsx';
import { PayablesCard } from './PayablesCard.tsx';
import { useVendor, useVendorCategories, useVendors } from './vendors.api.ts';

/** The vendor directory: search, filters by category, city and rating; a vendor's card; the events' vendor views. */
export function VendorsPage() {
  const me = useMe();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [category, setCategory] = useState<string | null>(null);
  const [city, setCity] = useState('');
  const [minRating, setMinRating] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const categories = useVendorCategories();
  const vendors = useVendors({ q: debounced, category: category ?? '', city, minRating: minRating ?? '' });
  const events = useEvents();
  const label = (key: string) => categories.data?.find((c) => c.key === key)?.label ?? key;
  const canWrite = hasPermission(me.role, 'vendors:write');

  return (
    <>
      <PageHeader
        title="Vendors"
        description="Every vendor the house works with: categories, tax ids, ratings, and bank details kept encrypted."
        actions={canWrite && <Button onClick={() => setAdding(true)}>Add vendor</Button>}
      />
      {hasPermission(me.role, 'payments:record') && <PayablesCard />}
      <Card withBorder mb="md">
        <Text fw={600} mb="xs">
          Event vendor views
        </Text>
        <Group gap="xs">
          {(events.data ?? []).slice(0, 12).map((e) => (
            <Anchor key={e.id} component={Link} to={`/vendors/events/${e.id}`} size="sm">
              {e.name}
            </Anchor>
          ))}
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 4 }} mb="md">
        <TextInput
          label="Search"
          placeholder="Name, code, contact, GSTIN"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label="Category"
          clearable
          data={(categories.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
          value={category}
          onChange={setCategory}
        />
        <TextInput label="City" value={city} onChange={(e) => setCity(e.currentTarget.value)} />
        <Select
          label="Rating at least"
          clearable
          data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: `${v} ★` }))}
          value={minRating}
          onChange={setMinRating}
        />
      </SimpleGrid>
      {vendors.error ? (
        <QueryError error={vendors.error} onRetry={() => vendors.refetch()} />
      ) : vendors.isPending ? (
        <Loader />
      ) : vendors.data.length === 0 ? (
        <Text c="dimmed">No vendor matches these filters.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="vendor-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Vendor</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>City</Table.Th>
                <Table.Th>Rating</Table.Th>
                <Table.Th>Bank</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {vendors.data.map((v) => (
                <Table.Tr key={v.id} onClick={() => setOpenId(v.id)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Text fw={500}>{v.name}</Text>
                    <Text size="xs" c="dimmed">
                      {v.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{label(v.category)}</Table.Td>
                  <Table.Td>
                    {v.city}
                    {v.country !== 'IN' && ` (${v.country})`}
                  </Table.Td>
                  <Table.Td>
                    {v.rating ? (
                      <Rating value={v.rating} fractions={2} readOnly size="sm" />
                    ) : (
                      <Text c="dimmed" size="sm">
                        Not rated
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {v.bankMasked ?? (
                      <Text c="dimmed" size="sm">
                        None
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add vendor" size="lg">
        <AddVendorForm categories={categories.data ?? []} onDone={() => setAdding(false)} />
      </Modal>
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="md" title="Vendor">
        {openId && <VendorCard id={openId} label={label} />}
      </Drawer>
    </>
  );
}

function VendorCard({ id, label }: { id: string; label: (k: string) => string }) {
  const q = useVendor(id);
  if (q.error) return <QueryError error={q.error} />;
  if (!q.data) return <Loader />;
  const v: Vendor = q.data.vendor;
  return (
    <Stack gap="sm" data-testid="vendor-card">
      <Group justify="space-between">
        <Text fw={700} size="lg">
          {v.name}
        </Text>
        <Badge variant="light">{label(v.category)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {v.code} · {v.city}, {v.country} · {v.currency}
      </Text>
      {v.gstin && <Text size="sm">GSTIN {v.gstin}</Text>}
      {v.foreignTaxId && <Text size="sm">Tax id {v.foreignTaxId}</Text>}
      {v.pan && <Text size="sm">PAN {v.pan}</Text>}
      {v.contacts.map((c) => (
        <Text size="sm" key={`${c.name}${c.phone}`}>
          {c.name}
          {c.role && ` (${c.role})`}
          {c.phone && (
            <>
              {' · '}
              <Anchor href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</Anchor>
            </>
          )}
        </Text>
      ))}
      <BankDetailsLine vendor={v} />
      <Text fw={600} mt="sm">
        Ratings
      </Text>
      {q.data.ratings.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not rated on any event yet.
        </Text>
      ) : (
        q.data.ratings.map((r) => (
          <Stack key={r.id} gap={0}>
            <Group gap="xs">
              <Rating value={r.rating} readOnly size="xs" />
              <Text size="sm">{r.eventName}</Text>
            </Group>
            {r.notes && (
              <Text size="xs" c="dimmed">
                {r.notes}
              </Text>
            )}
          </Stack>
        ))
      )}
      <Text size="xs" c="dimmed" mt="md">
        Documents (agreements, rate cards, vendors' uploads) are stored through the API; listing them on this card is
        not built yet.
      </Text>
    </Stack>
  );
}
