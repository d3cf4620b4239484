import { CURRENCIES, type Currency, formatMoney } from '@mandap/shared/money';
import { type AssignmentCreate, type Vendor, ZAssignmentCreate } from '@mandap/shared/vendors';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Rating,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { FormError } from '../../ui/FormError.tsx';
import {
  asMoney,
  fieldError,
  optionalText,
  requestForm,
  required,
  useField,
  useSubmit,
  useZodForm,
} from '../../ui/form.ts';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { useCreateAssignment, useVendorCategories, useVendors } from './vendors.api.ts';

/** The PO as typed: a vendor and a budget category not chosen yet, lines as rows. */
interface AssignValues {
  vendorId: string | null;
  scope: string;
  budgetCategory: string | null;
  currency: Currency;
  terms: string;
  lines: { description: string; quantity: number; unitMinor: number }[];
}

const BLANK_LINE = { description: '', quantity: 1, unitMinor: 0 };

/** The form's rules are the create-assignment request's; a line left undescribed takes the scope's words. */
const assignForm = (eventId: string) =>
  requestForm(
    ZAssignmentCreate,
    (v: AssignValues) => ({
      vendorId: required(v.vendorId),
      eventId,
      scope: v.scope,
      budgetCategory: required(v.budgetCategory),
      currency: v.currency,
      lines: v.lines.map((l) => ({ ...l, description: l.description.trim() ? l.description : v.scope })),
      terms: optionalText(v.terms),
    }),
    { vendorId: 'choose a vendor', budgetCategory: 'choose the budget category' },
  );

const stars = (v: Vendor) => (v.rating ? `${v.rating.toFixed(1)}★ (${v.ratingCount})` : 'not rated');

function PoLineRow({
  form,
  index,
  currency,
  onRemove,
}: {
  form: UseFormReturn<AssignValues, unknown, AssignmentCreate>;
  index: number;
  currency: Currency;
  onRemove?: () => void;
}) {
  const quantity = useField(form, `lines.${index}.quantity`);
  const rate = useField(form, `lines.${index}.unitMinor`);
  const description = form.formState.errors.lines?.[index]?.description?.message;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        label="Description"
        {...form.register(`lines.${index}.description`)}
        style={{ flex: '1 1 200px' }}
        error={fieldError(description)}
      />
      <NumberInput
        label="Qty"
        min={1}
        allowDecimal={false}
        {...quantity}
        onChange={(v) => quantity.onChange(Number(v) || 0)}
        w={80}
      />
      <MoneyInput label={`Rate (${currency})`} currency={currency} {...asMoney(rate)} w={140} />
      <ActionIcon variant="subtle" color="gray" aria-label="Remove line" onClick={onRemove} disabled={!onRemove} mb={4}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/**
 * The event manager assigns a vendor to the event with a PO: choosing the vendor shows each
 * one's category, city and rating (best rated first within the chosen category); the PO gets
 * its gapless number when saved, in status requested. `create` sends the checked request.
 */
export function AssignVendorForm({
  eventId,
  create,
  onCreated,
  onCancel,
}: {
  eventId: string;
  create: (request: AssignmentCreate) => Promise<{ assignment: { id: string } }>;
  onCreated: (assignmentId: string) => void;
  onCancel: () => void;
}) {
  const categories = useVendorCategories();
  const [category, setCategory] = useState<string | null>(null);
  const vendors = useVendors({ category: category ?? '' });
  const schema = useMemo(() => assignForm(eventId), [eventId]);
  const form = useZodForm(schema, {
    vendorId: null,
    scope: '',
    budgetCategory: null,
    currency: 'INR',
    terms: '',
    lines: [BLANK_LINE],
  });
  const { errors } = form.formState;
  const vendorId = useField(form, 'vendorId');
  const budgetCategory = useField(form, 'budgetCategory');
  const currency = useField(form, 'currency');
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const typedLines = form.watch('lines');
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    const { assignment } = await create(request);
    onCreated(assignment.id);
  });
  const label = (key: string) => categories.data?.find((c) => c.key === key)?.label ?? key;
  const categoryOptions = (categories.data ?? []).map((c) => ({ value: c.key, label: c.label }));
  const active = (vendors.data ?? []).filter((v) => v.active);
  const ranked = [...active].sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || a.name.localeCompare(b.name));
  const chosen = active.find((v) => v.id === vendorId.value);
  const total = typedLines.reduce((s, l) => s + l.quantity * l.unitMinor, 0);

  /** Choosing a vendor brings its category and currency as the PO's (both can still be changed). */
  function pick(id: string | null) {
    vendorId.onChange(id);
    const v = active.find((x) => x.id === id);
    if (v) {
      form.setValue('budgetCategory', v.category, { shouldValidate: form.formState.isSubmitted });
      form.setValue('currency', v.currency as Currency);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Assign a vendor">
      <Stack gap="sm" data-testid="assign-vendor">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Category"
            placeholder="Any"
            clearable
            data={categoryOptions}
            value={category}
            onChange={setCategory}
          />
          <Select
            label="Vendor"
            placeholder={vendors.isPending ? 'Loading…' : 'Choose, best rated first'}
            searchable
            nothingFoundMessage="No active vendor in this category"
            data={ranked.map((v) => ({ value: v.id, label: `${v.name} · ${stars(v)}` }))}
            renderOption={({ option }) => {
              const v = ranked.find((x) => x.id === option.value)!;
              return (
                <Stack gap={0}>
                  <Text size="sm">{v.name}</Text>
                  <Group gap={6}>
                    {v.rating ? (
                      <Rating value={v.rating} fractions={2} readOnly size="xs" />
                    ) : (
                      <Text size="xs" c="dimmed">
                        Not rated
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {label(v.category)} · {v.city} · {v.currency}
                    </Text>
                  </Group>
                </Stack>
              );
            }}
            {...vendorId}
            onChange={pick}
          />
        </SimpleGrid>
        {chosen && (
          <Text size="xs" c="dimmed" data-testid="chosen-vendor">
            {chosen.name}: {label(chosen.category)}, {chosen.city} ·{' '}
            {chosen.rating
              ? `rated ${chosen.rating.toFixed(1)} of 5 over ${chosen.ratingCount} event(s)`
              : 'not rated yet'}
          </Text>
        )}
        <Textarea
          label="Scope of work"
          placeholder="What the vendor delivers, and by when"
          autosize
          minRows={2}
          {...form.register('scope')}
          error={fieldError(errors.scope?.message)}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Budget category" data={categoryOptions} {...budgetCategory} />
          <Select
            label="PO currency"
            data={CURRENCIES}
            {...currency}
            onChange={(v) => v && currency.onChange(v as Currency)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text fw={600} size="sm">
          PO lines
        </Text>
        {lines.fields.map((line, i) => (
          <PoLineRow
            key={line.id}
            form={form}
            index={i}
            currency={currency.value}
            onRemove={lines.fields.length > 1 ? () => lines.remove(i) : undefined}
          />
        ))}
        {errors.lines?.message && (
          <Text size="sm" c="red" role="alert">
            {fieldError(errors.lines.message)}
          </Text>
        )}
        <Group justify="space-between">
          <Button size="xs" variant="subtle" onClick={() => lines.append(BLANK_LINE)}>
            Add line
          </Button>
          <Text fw={600} data-testid="po-total">
            PO total {formatMoney({ amountMinor: total, currency: currency.value })}
          </Text>
        </Group>
        <Textarea
          label="Terms"
          placeholder="e.g. 50% advance, balance within 7 days of delivery"
          autosize
          {...form.register('terms')}
          error={fieldError(errors.terms?.message)}
        />
        <FormError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Assign with PO
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The assign-vendor form in its modal; a fresh form each time it opens. */
export function AssignVendorModal({
  eventId,
  opened,
  onClose,
  onCreated,
}: {
  eventId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (assignmentId: string) => void;
}) {
  const create = useCreateAssignment();
  return (
    <Modal opened={opened} onClose={onClose} title="Assign a vendor" size="lg">
      <AssignVendorForm eventId={eventId} create={create.mutateAsync} onCreated={onCreated} onCancel={onClose} />
    </Modal>
  );
}
