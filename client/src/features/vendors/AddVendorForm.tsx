import { CURRENCIES, type Currency } from '@mandap/shared/money';
import { type VendorCategory, type VendorCreate, ZVendorCreate } from '@mandap/shared/vendors';
import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useCreateVendor } from './vendors.api.ts';

/** The vendor as typed, named as the request names it (one contact, the bank account's fields). */
interface VendorValues {
  name: string;
  category: string;
  city: string;
  country: string;
  currency: Currency;
  gstin: string;
  pan: string;
  foreignTaxId: string;
  contacts: { name: string; phone: string }[];
  bank: { accountName: string; accountNumber: string; ifsc: string };
}

/** The form's rules are the create-vendor request's: GSTIN, PAN and IFSC checks, a GSTIN only in India, … */
const ZVendorForm = requestForm(ZVendorCreate, (v: VendorValues) => {
  const isIndia = v.country.trim().toUpperCase() === 'IN';
  const contact = v.contacts[0];
  return {
    name: v.name,
    category: v.category,
    city: v.city,
    country: v.country,
    currency: v.currency,
    gstin: isIndia ? optionalText(v.gstin) : undefined,
    foreignTaxId: isIndia ? undefined : optionalText(v.foreignTaxId),
    pan: optionalText(v.pan),
    contacts: contact?.name.trim() ? [{ name: contact.name, phone: optionalText(contact.phone) }] : [],
    bank: optionalText(v.bank.accountNumber)
      ? {
          accountName: optionalText(v.bank.accountName) ?? v.name,
          accountNumber: v.bank.accountNumber,
          ifsc: optionalText(v.bank.ifsc),
        }
      : undefined,
  };
});

type TextField =
  | 'name'
  | 'city'
  | 'country'
  | 'gstin'
  | 'pan'
  | 'foreignTaxId'
  | 'contacts.0.name'
  | 'contacts.0.phone'
  | 'bank.accountName'
  | 'bank.accountNumber'
  | 'bank.ifsc';

/** A new vendor; the shared checks name each bad field here, and the server's answer does too. */
export function AddVendorForm({
  categories,
  onDone,
  create: send,
}: {
  categories: VendorCategory[];
  onDone: () => void;
  /** Sends the checked vendor; the edge unless a caller gives its own. */
  create?: (vendor: VendorCreate) => Promise<{ vendor: { name: string; code: string } }>;
}) {
  const create = useCreateVendor();
  const form = useZodForm(ZVendorForm, {
    name: '',
    category: 'decor',
    city: 'Mumbai',
    country: 'IN',
    currency: 'INR',
    gstin: '',
    pan: '',
    foreignTaxId: '',
    contacts: [{ name: '', phone: '' }],
    bank: { accountName: '', accountNumber: '', ifsc: '' },
  });
  const category = useField(form, 'category');
  const currency = useField(form, 'currency');
  const country = form.watch('country');
  const input = (name: TextField, label: string) => (
    <TextInput
      label={label}
      {...form.register(name)}
      error={fieldError(form.getFieldState(name, form.formState).error?.message)}
    />
  );

  const { onSubmit, error, submitting } = useSubmit(form, async (vendor) => {
    const { vendor: created } = await (send ?? create.mutateAsync)(vendor);
    notifications.show({ color: 'green', message: `${created.name} added as ${created.code}.` });
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New vendor">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input('name', 'Name')}
          <Select
            label="Category"
            data={categories.map((c) => ({ value: c.key, label: c.label }))}
            {...category}
            onChange={(v) => category.onChange(v ?? 'decor')}
          />
          {input('city', 'City')}
          {input('country', 'Country (two letters)')}
          <Select
            label="Currency"
            data={[...CURRENCIES]}
            {...currency}
            onChange={(v) => currency.onChange((v ?? 'INR') as Currency)}
          />
          {country.toUpperCase() === 'IN' ? input('gstin', 'GSTIN') : input('foreignTaxId', 'Foreign tax id')}
          {input('pan', 'PAN')}
          {input('contacts.0.name', 'Contact name')}
          {input('contacts.0.phone', 'Contact phone')}
          {input('bank.accountName', 'Account holder')}
          {input('bank.accountNumber', 'Account number')}
          {input('bank.ifsc', 'IFSC')}
        </SimpleGrid>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            Save vendor
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
