import {
  type CatalogueItem,
  type CatalogueItemPatch,
  QUOTE_CATEGORIES,
  QUOTE_CATEGORY_CODES,
  type QuoteCategory,
  TAX_CLASS_CODES,
  TAX_CLASSES,
  type TaxClass,
  ZCatalogueItemInput,
} from '@mandap/shared/quotes';
import { Button, Grid, Group, Modal, Select, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { asMoney, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { MoneyInput } from './MoneyInput.tsx';
import { useAddCatalogueItem, useEditCatalogueItem } from './quotes.api.ts';

const categoryOptions = QUOTE_CATEGORY_CODES.map((c) => ({ value: c, label: QUOTE_CATEGORIES[c] }));
const taxOptions = TAX_CLASS_CODES.map((c) => ({ value: c, label: TAX_CLASSES[c].label }));

/** What the item form holds: every field of a house item but its currency (the default rate is in INR). */
type ItemValues = Omit<CatalogueItem, 'id' | 'active'>;
type CheckedItem = z.output<typeof ZCatalogueItemInput>;

const blank: ItemValues = { name: '', category: 'decor', unit: 'nos', rateMinor: 0, taxClass: 'gst_18', sac: '998596' };

/** The form's rules are the add-item request's, for an edit too (the edit's fields follow the same rules). */
const ZItemForm = requestForm(
  ZCatalogueItemInput,
  (v: ItemValues) => ({ ...v, sac: v.sac.trim(), currency: 'INR' as const }),
  { name: 'name the item' },
);

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
      {item !== null && <CatalogueItemForm key={editing?.id ?? 'new'} editing={editing} onDone={onClose} />}
    </Modal>
  );
}

/**
 * The item form. `add` sends a new item, `edit` only the fields changed (so an edit never
 * overwrites fields it did not touch); the edge's unless a caller gives its own.
 */
export function CatalogueItemForm({
  editing,
  onDone,
  add: sendAdd,
  edit: sendEdit,
}: {
  editing: CatalogueItem | null;
  onDone: () => void;
  add?: (request: CheckedItem) => Promise<unknown>;
  edit?: (request: CatalogueItemPatch & { id: string }) => Promise<unknown>;
}) {
  const form = useZodForm(ZItemForm, editing ? pick(editing) : blank);
  const { errors } = form.formState;
  const category = useField(form, 'category');
  const taxClass = useField(form, 'taxClass');
  const rate = useField(form, 'rateMinor');
  const add = useAddCatalogueItem();
  const edit = useEditCatalogueItem();

  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    if (editing) {
      const changed = changedFields(editing, request);
      if (Object.keys(changed).length > 0) await (sendEdit ?? edit.mutateAsync)({ id: editing.id, ...changed });
    } else await (sendAdd ?? add.mutateAsync)(request);
    notifications.show({ color: 'green', message: editing ? 'Catalogue item saved' : 'Added to the catalogue' });
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Grid gap="sm">
        <Grid.Col span={12}>
          <TextInput
            label="Name"
            required
            data-autofocus
            {...form.register('name')}
            error={fieldError(errors.name?.message)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Category"
            data={categoryOptions}
            allowDeselect={false}
            {...category}
            onChange={(v) => category.onChange(v as QuoteCategory)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput label="Unit" {...form.register('unit')} error={fieldError(errors.unit?.message)} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <MoneyInput label="Default rate (₹)" currency="INR" {...asMoney(rate)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Tax class"
            data={taxOptions}
            allowDeselect={false}
            {...taxClass}
            onChange={(v) => taxClass.onChange(v as TaxClass)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="SAC / HSN code" {...form.register('sac')} error={fieldError(errors.sac?.message)} />
        </Grid.Col>
      </Grid>
      <FormError message={error} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={submitting}>
          {editing ? 'Save' : 'Add item'}
        </Button>
      </Group>
    </form>
  );
}

const pick = ({ name, category, unit, rateMinor, taxClass, sac }: CatalogueItem): ItemValues => ({
  name,
  category,
  unit,
  rateMinor,
  taxClass,
  sac,
});

/** Only what the user changed is sent, so an edit never overwrites fields it did not touch. */
function changedFields(before: CatalogueItem, after: CheckedItem): Partial<ItemValues> {
  const was = pick(before);
  return Object.fromEntries(
    (Object.keys(was) as (keyof ItemValues)[]).filter((k) => after[k] !== was[k]).map((k) => [k, after[k]]),
  );
}
