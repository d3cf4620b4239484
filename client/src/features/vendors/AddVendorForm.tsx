import { CURRENCIES, type Currency, type VendorCategory } from '@mandap/shared';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useCreateVendor } from './vendors.api.ts';

/** A new vendor; the server checks GSTIN, PAN and IFSC and names each bad field. */
export function AddVendorForm({ categories, onDone }: { categories: VendorCategory[]; onDone: () => void }) {
  const create = useCreateVendor();
  const [f, setF] = useState({
    name: '',
    category: 'decor',
    city: 'Mumbai',
    country: 'IN',
    currency: 'INR' as Currency,
    gstin: '',
    pan: '',
    foreignTaxId: '',
    contactName: '',
    contactPhone: '',
    accountName: '',
    accountNumber: '',
    ifsc: '',
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const input = (k: keyof typeof f, label: string, field = k as string) => (
    <TextInput label={label} value={f[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={fields[field]} />
  );

  async function submit() {
    setError(null);
    setFields({});
    const body = {
      name: f.name,
      category: f.category,
      city: f.city,
      country: f.country,
      currency: f.currency,
      ...(f.gstin ? { gstin: f.gstin } : {}),
      ...(f.pan ? { pan: f.pan } : {}),
      ...(f.foreignTaxId ? { foreignTaxId: f.foreignTaxId } : {}),
      contacts: f.contactName ? [{ name: f.contactName, ...(f.contactPhone ? { phone: f.contactPhone } : {}) }] : [],
      ...(f.accountNumber
        ? {
            bank: {
              accountName: f.accountName || f.name,
              accountNumber: f.accountNumber,
              ...(f.ifsc ? { ifsc: f.ifsc } : {}),
            },
          }
        : {}),
    };
    try {
      const { vendor } = await create.mutateAsync(body);
      notifications.show({ color: 'green', message: `${vendor.name} added as ${vendor.code}.` });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setFields(e.fields);
      setError(errorMessage(e));
    }
  }

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {input('name', 'Name')}
        <Select
          label="Category"
          data={categories.map((c) => ({ value: c.key, label: c.label }))}
          value={f.category}
          onChange={(v) => set('category')(v ?? 'decor')}
          error={fields.category}
        />
        {input('city', 'City')}
        {input('country', 'Country (two letters)')}
        <Select
          label="Currency"
          data={[...CURRENCIES]}
          value={f.currency}
          onChange={(v) => set('currency')((v ?? 'INR') as Currency)}
        />
        {f.country.toUpperCase() === 'IN' ? input('gstin', 'GSTIN') : input('foreignTaxId', 'Foreign tax id')}
        {input('pan', 'PAN')}
        {input('contactName', 'Contact name', 'contacts.0.name')}
        {input('contactPhone', 'Contact phone', 'contacts.0.phone')}
        {input('accountName', 'Account holder', 'bank.accountName')}
        {input('accountNumber', 'Account number', 'bank.accountNumber')}
        {input('ifsc', 'IFSC', 'bank.ifsc')}
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending}>
          Save vendor
        </Button>
      </Group>
    </Stack>
  );
}
