import { CURRENCIES, type Currency, formatMoney } from '@mandap/shared/money';
import type { Vendor } from '@mandap/shared/vendors';
import {
  ActionIcon,
  Alert,
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
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { MoneyInput } from '../quotes/MoneyInput.tsx';
import { useCreateAssignment, useVendorCategories, useVendors } from './vendors.api.ts';

interface Line {
  description: string;
  quantity: number;
  unitMinor: number;
}

const stars = (v: Vendor) => (v.rating ? `${v.rating.toFixed(1)}★ (${v.ratingCount})` : 'not rated');

/**
 * The event manager assigns a vendor to the event with a PO: choosing the vendor shows each
 * one's category, city and rating (best rated first within the chosen category); the PO gets
 * its gapless number when saved, in status requested.
 */
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
  const categories = useVendorCategories();
  const [category, setCategory] = useState<string | null>(null);
  const vendors = useVendors({ category: category ?? '' });
  const [vendorId, setVendorId] = useState<string | null>(null);
  const [scope, setScope] = useState('');
  const [budgetCategory, setBudgetCategory] = useState<string | null>(null);
  const [currency, setCurrency] = useState<Currency>('INR');
  const [terms, setTerms] = useState('');
  const [lines, setLines] = useState<Line[]>([{ description: '', quantity: 1, unitMinor: 0 }]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const create = useCreateAssignment();
  const label = (key: string) => categories.data?.find((c) => c.key === key)?.label ?? key;
  const active = (vendors.data ?? []).filter((v) => v.active);
  const ranked = [...active].sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || a.name.localeCompare(b.name));
  const chosen = active.find((v) => v.id === vendorId);
  const total = lines.reduce((s, l) => s + l.quantity * l.unitMinor, 0);
  const setLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)));

  function pick(id: string | null) {
    setVendorId(id);
    const v = active.find((x) => x.id === id);
    if (v) {
      setBudgetCategory(v.category);
      setCurrency(v.currency as Currency);
    }
  }

  async function submit() {
    setError(null);
    setFields({});
    if (!vendorId) return setFields({ vendorId: 'choose a vendor' });
    try {
      const { assignment } = await create.mutateAsync({
        vendorId,
        eventId,
        scope,
        budgetCategory: budgetCategory ?? chosen?.category ?? '',
        currency,
        lines: lines.map((l) => ({ ...l, description: l.description || scope })),
        ...(terms.trim() ? { terms: terms.trim() } : {}),
      });
      setVendorId(null);
      setScope('');
      setTerms('');
      setLines([{ description: '', quantity: 1, unitMinor: 0 }]);
      onCreated(assignment.id);
    } catch (e) {
      if (e instanceof ApiError && e.fields) setFields(e.fields);
      setError(errorMessage(e));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Assign a vendor" size="lg">
      <Stack gap="sm" data-testid="assign-vendor">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Category"
            placeholder="Any"
            clearable
            data={(categories.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
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
            value={vendorId}
            onChange={pick}
            error={fields.vendorId}
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
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
          error={fields.scope}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Budget category"
            data={(categories.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
            value={budgetCategory}
            onChange={setBudgetCategory}
            error={fields.budgetCategory}
          />
          <Select
            label="PO currency"
            data={CURRENCIES}
            value={currency}
            onChange={(v) => v && setCurrency(v as Currency)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Text fw={600} size="sm">
          PO lines
        </Text>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id before the PO is saved
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label="Description"
              value={l.description}
              onChange={(e) => setLine(i, { description: e.currentTarget.value })}
              style={{ flex: '1 1 200px' }}
              error={fields[`lines.${i}.description`]}
            />
            <NumberInput
              label="Qty"
              value={l.quantity}
              min={1}
              allowDecimal={false}
              onChange={(v) => setLine(i, { quantity: Number(v) || 1 })}
              w={80}
            />
            <MoneyInput
              label={`Rate (${currency})`}
              currency={currency}
              valueMinor={l.unitMinor}
              onChangeMinor={(m) => setLine(i, { unitMinor: m })}
              w={140}
              error={fields[`lines.${i}.unitMinor`]}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Remove line"
              onClick={() => setLines(lines.filter((_, n) => n !== i))}
              disabled={lines.length === 1}
              mb={4}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setLines([...lines, { description: '', quantity: 1, unitMinor: 0 }])}
          >
            Add line
          </Button>
          <Text fw={600} data-testid="po-total">
            PO total {formatMoney({ amountMinor: total, currency })}
          </Text>
        </Group>
        <Textarea
          label="Terms"
          placeholder="e.g. 50% advance, balance within 7 days of delivery"
          autosize
          value={terms}
          onChange={(e) => setTerms(e.currentTarget.value)}
        />
        {error && (
          <Alert color="red" variant="light" title="Not assigned">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            Assign with PO
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
