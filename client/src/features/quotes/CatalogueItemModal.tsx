import {
  type CatalogueItem,
  type CatalogueItemInput,
  QUOTE_CATEGORIES,
  QUOTE_CATEGORY_CODES,
  type QuoteCategory,
  TAX_CLASS_CODES,
  TAX_CLASSES,
  type TaxClass,
} from '@mandap/shared/quotes';
import { Button, Grid, Group, Modal, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { useAddCatalogueItem, useEditCatalogueItem } from './quotes.api.ts';

const categoryOptions = QUOTE_CATEGORY_CODES.map((c) => ({ value: c, label: QUOTE_CATEGORIES[c] }));
const taxOptions = TAX_CLASS_CODES.map((c) => ({ value: c, label: TAX_CLASSES[c].label }));

type Fields = Required<Omit<CatalogueItemInput, 'currency'>>;
const blank: Fields = { name: '', category: 'decor', unit: 'nos', rateMinor: 0, taxClass: 'gst_18', sac: '998596' };

/** Adds a house catalogue item, or edits one (`item` given): the default rate is in INR. */
export function CatalogueItemModal({ item, onClose }: { item: CatalogueItem | null | 'new'; onClose: () => void }) {
  const editing = item !== null && item !== 'new' ? item : null;
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={editing ? `Edit “${editing.name}”` : 'Add a catalogue item'}
      size="lg"
    >
      {item !== null && <ItemForm key={editing?.id ?? 'new'} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

function ItemForm({ editing, onDone }: { editing: CatalogueItem | null; onDone: () => void }) {
  const [fields, setFields] = useState<Fields>(() => (editing ? { ...blank, ...pick(editing) } : blank));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddCatalogueItem();
  const edit = useEditCatalogueItem();
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (editing) {
        const changed = changedFields(editing, fields);
        if (Object.keys(changed).length > 0) await edit.mutateAsync({ id: editing.id, ...changed });
      } else await add.mutateAsync({ ...fields, currency: 'INR' });
      notifications.show({ color: 'green', message: editing ? 'Catalogue item saved' : 'Added to the catalogue' });
      onDone();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields ?? {});
      notifications.show({
        color: 'red',
        title: 'Not saved',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  };

  return (
    <form onSubmit={submit}>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <TextInput
            label="Name"
            required
            data-autofocus
            value={fields.name}
            error={errors.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Category"
            data={categoryOptions}
            allowDeselect={false}
            value={fields.category}
            onChange={(v) => set({ category: v as QuoteCategory })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput
            label="Unit"
            value={fields.unit}
            error={errors.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <MoneyInput
            label="Default rate (₹)"
            currency="INR"
            valueMinor={fields.rateMinor}
            error={errors.rateMinor}
            onChangeMinor={(rateMinor) => set({ rateMinor })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Tax class"
            data={taxOptions}
            allowDeselect={false}
            value={fields.taxClass}
            onChange={(v) => set({ taxClass: v as TaxClass })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="SAC / HSN code"
            value={fields.sac}
            error={errors.sac}
            onChange={(e) => set({ sac: e.currentTarget.value.trim() })}
          />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={add.isPending || edit.isPending}>
          {editing ? 'Save' : 'Add item'}
        </Button>
      </Group>
    </form>
  );
}

const pick = ({ name, category, unit, rateMinor, taxClass, sac }: CatalogueItem): Fields => ({
  name,
  category,
  unit,
  rateMinor,
  taxClass,
  sac,
});

/** Only what the user changed is sent, so an edit never overwrites fields it did not touch. */
function changedFields(before: CatalogueItem, after: Fields): Partial<Fields> {
  const was = pick(before);
  return Object.fromEntries(
    (Object.keys(after) as (keyof Fields)[]).filter((k) => after[k] !== was[k]).map((k) => [k, after[k]]),
  );
}
