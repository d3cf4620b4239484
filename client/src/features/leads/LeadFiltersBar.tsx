import {
  LEAD_SOURCES,
  LEAD_STAGE_LABELS,
  LEAD_STAGES,
  LEAD_TEMPERATURES,
  type LeadSource,
  type LeadStage,
} from '@mandap/shared/leads';
import { ActionIcon, Button, Collapse, Group, Menu, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBookmark, IconFilter, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCount, humanize } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { sourceLabel } from './LeadBadges.tsx';
import { useLeadCampaigns, useLeadOwners } from './leadOptions.api.ts';
import type { LeadFilters } from './leads.api.ts';
import { loadSavedViews, type SavedView, storeSavedViews } from './savedViews.ts';

const LAKH = 100_000_00;

export function LeadFiltersBar({ filters, onChange }: { filters: LeadFilters; onChange: (f: LeadFilters) => void }) {
  const [views, setViews] = useState<SavedView[]>(loadSavedViews);
  const owners = useLeadOwners();
  const campaigns = useLeadCampaigns().data?.campaigns ?? [];
  const utmSources = [...new Set(campaigns.map((c) => c.utmSource).filter((v): v is string => !!v))];
  const campaignCounts = new Map<string, number>();
  for (const c of campaigns)
    if (c.campaign && (!filters.utmSource || c.utmSource === filters.utmSource))
      campaignCounts.set(c.campaign, (campaignCounts.get(c.campaign) ?? 0) + c.leads);
  const isPhone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const set = (patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch });
  const lakhs = (minor: number | undefined) => (minor === undefined ? '' : minor / LAKH);
  const toMinor = (v: number | string) => (typeof v === 'number' ? Math.round(v * LAKH) : undefined);
  const active = Object.values(filters).some((v) => v !== undefined && v !== null && v !== '');

  function saveView() {
    const name = window.prompt('Name this view', 'My hot leads')?.trim();
    if (!name) return;
    const next = [...views.filter((v) => v.name !== name), { name, filters }];
    setViews(next);
    storeSavedViews(next);
  }

  const more = (
    <>
      <Select
        aria-label="Filter by stage"
        placeholder="Any stage"
        clearable
        w={170}
        value={filters.stage ?? null}
        onChange={(v) => set({ stage: (v as LeadStage | null) ?? undefined })}
        data={LEAD_STAGES.map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))}
      />
      <Select
        aria-label="Filter by source"
        placeholder="Any source"
        clearable
        w={170}
        value={filters.source ?? null}
        onChange={(v) => set({ source: (v as LeadSource | null) ?? undefined })}
        data={LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
      />
      <Select
        aria-label="Filter by UTM source"
        placeholder="Any UTM source"
        clearable
        searchable
        w={170}
        value={filters.utmSource ?? null}
        onChange={(v) => set({ utmSource: v ?? undefined })}
        data={utmSources}
        nothingFoundMessage="No UTM sources yet"
      />
      <Select
        aria-label="Filter by campaign"
        placeholder="Any campaign"
        clearable
        searchable
        w={200}
        value={filters.campaign ?? null}
        onChange={(v) => set({ campaign: v ?? undefined })}
        data={[...campaignCounts].map(([c, n]) => ({ value: c, label: `${c} (${formatCount(n)})` }))}
        nothingFoundMessage="No campaigns yet"
      />
      <Select
        aria-label="Filter by temperature"
        placeholder="Hot / warm / cold"
        clearable
        w={150}
        value={filters.temperature ?? null}
        onChange={(v) => set({ temperature: (v as LeadFilters['temperature']) ?? undefined })}
        data={LEAD_TEMPERATURES.map((t) => ({ value: t, label: humanize(t) }))}
      />
      <Select
        aria-label="Filter by owner"
        placeholder="Any owner"
        clearable
        w={170}
        value={filters.owner ?? null}
        onChange={(v) => set({ owner: (v as LeadFilters['owner']) ?? undefined })}
        searchable
        data={[
          { value: 'me', label: 'Mine' },
          { value: 'none', label: 'Unassigned' },
          ...(owners.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <DateField
        label="Event from"
        size="xs"
        w={130}
        value={filters.eventFrom ?? null}
        onChange={(v) => set({ eventFrom: v ?? undefined })}
      />
      <DateField
        label="Event to"
        size="xs"
        w={130}
        value={filters.eventTo ?? null}
        onChange={(v) => set({ eventTo: v ?? undefined })}
      />
      <NumberInput
        label="Budget ≥ (lakh ₹)"
        size="xs"
        min={0}
        w={130}
        value={lakhs(filters.budgetMin)}
        onChange={(v) => set({ budgetMin: toMinor(v) })}
      />
      <NumberInput
        label="Budget ≤ (lakh ₹)"
        size="xs"
        min={0}
        w={130}
        value={lakhs(filters.budgetMax)}
        onChange={(v) => set({ budgetMax: toMinor(v) })}
      />
      {active && (
        <Button variant="subtle" leftSection={<IconX size={14} />} onClick={() => onChange({})}>
          Clear
        </Button>
      )}
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={14} />}>
            Views
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Saved in this browser</Menu.Label>
          {views.length === 0 && <Menu.Item disabled>No saved views yet</Menu.Item>}
          {views.map((v) => (
            <Menu.Item
              key={v.name}
              onClick={() => onChange(v.filters)}
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete view ${v.name}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    const next = views.filter((x) => x.name !== v.name);
                    setViews(next);
                    storeSavedViews(next);
                  }}
                >
                  <IconTrash size={12} />
                </ActionIcon>
              }
            >
              {v.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={saveView} disabled={!active}>
            Save current filters…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
  const activeCount = Object.entries(filters).filter(([k, v]) => k !== 'q' && v !== undefined && v !== '').length;

  // On a phone the filters fold away behind one button, so the board starts on the first screen.
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end">
        <TextInput
          aria-label="Search leads"
          placeholder="Name, code, phone, email"
          leftSection={<IconSearch size={16} />}
          value={filters.q ?? ''}
          onChange={(e) => set({ q: e.currentTarget.value || undefined })}
          w={220}
        />
        {isPhone ? (
          <Button variant="default" leftSection={<IconFilter size={14} />} onClick={toggleFilters}>
            Filters{activeCount > 0 ? ` (${activeCount})` : ''}
          </Button>
        ) : (
          more
        )}
      </Group>
      {isPhone && (
        <Collapse expanded={filtersOpen}>
          <Group gap="sm" align="flex-end">
            {more}
          </Group>
        </Collapse>
      )}
    </Stack>
  );
}
