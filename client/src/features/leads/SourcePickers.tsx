import { BUILT_IN_PLATFORMS, LEAD_SOURCES, type LeadSource } from '@mandap/shared/leads';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { sourceLabel } from './LeadBadges.tsx';
import { useLeadSourceOptions, useReferrers } from './leadOptions.api.ts';

export interface SourceChoice {
  source: LeadSource;
  sourceDetail: string | null;
}

const PLATFORM_SOURCES = new Set<string>([...Object.keys(BUILT_IN_PLATFORMS), 'listing']);
const OWN_SOURCES = LEAD_SOURCES.filter((s) => !PLATFORM_SOURCES.has(s));

/**
 * The lead's source: the fixed channels plus the listing platforms this house configured
 * (LISTING_PLATFORMS); a platform without a source of its own is `listing` with its name as detail.
 */
export function SourceSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & { value: SourceChoice; onChange: (v: SourceChoice) => void }) {
  const options = useLeadSourceOptions();
  const platforms = options.data?.listingPlatforms ?? [];
  const current = value.source === 'listing' ? `platform:${value.sourceDetail ?? ''}` : value.source;
  const data = [
    { group: 'Channels', items: OWN_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) })) },
    {
      group: 'Listing platforms',
      items: platforms.map((p) => ({
        value: p.source === 'listing' ? `platform:${p.label}` : p.source,
        label: p.label,
      })),
    },
  ];
  return (
    <Select
      {...props}
      value={current}
      allowDeselect={false}
      data={data}
      onChange={(v) => {
        if (!v) return;
        if (v.startsWith('platform:')) onChange({ source: 'listing', sourceDetail: v.slice('platform:'.length) });
        else onChange({ source: v as LeadSource, sourceDetail: null });
      }}
    />
  );
}

/** Searches clients by name, code or phone to name the one who referred this lead. */
export function ReferrerSelect({
  value,
  onChange,
  currentLabel,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  /** How to show the chosen client when it is not among the search results. */
  currentLabel?: string | null;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useReferrers(debounced);
  const data = (found.data?.clients ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} · ${c.code}${c.phone ? ` · ${c.phone}` : ''}`,
  }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: currentLabel ?? 'Chosen client' });
  return (
    <Select
      label="Referred by (client)"
      placeholder="Search clients by name or phone"
      {...props}
      searchable
      clearable
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No client matches'}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
    />
  );
}
