import { formatMoney } from '@mandap/shared/money';
import { type CatalogueItem, DEFAULT_CATALOGUE, QUOTE_CATEGORIES } from '@mandap/shared/quotes';
import { Select } from '@mantine/core';
import { useCatalogue } from './quotes.api.ts';

const groupsOf = (catalogue: readonly CatalogueItem[]) =>
  Object.entries(QUOTE_CATEGORIES)
    .map(([key, label]) => ({
      group: label,
      items: catalogue
        .filter((c) => c.category === key)
        .map((c) => ({
          value: c.id,
          label: `${c.name} · ${formatMoney({ amountMinor: c.rateMinor, currency: 'INR' }, { withDecimals: false })}/${c.unit}`,
        })),
    }))
    .filter((g) => g.items.length > 0);

/** Adds a line from the house catalogue (default rates in INR); type to search. */
export function CataloguePicker({ onPick, disabled }: { onPick: (item: CatalogueItem) => void; disabled?: boolean }) {
  const fetched = useCatalogue();
  const catalogue = fetched.data?.items ?? DEFAULT_CATALOGUE;
  const groups = groupsOf(catalogue);
  return (
    <Select
      aria-label="Add from catalogue"
      placeholder="Add from catalogue…"
      searchable
      data={groups}
      value={null}
      disabled={disabled}
      w={{ base: '100%', sm: 360 }}
      nothingFoundMessage="No catalogue item matches"
      onChange={(id) => {
        const item = catalogue.find((c) => c.id === id);
        if (item) onPick(item);
      }}
    />
  );
}
