import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBellRinging, IconFileImport, IconLayoutKanban, IconPlus, IconRoute, IconTable } from '@tabler/icons-react';
import type { SortingState } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMe } from '../auth/useSession.ts';
import { AssignmentRulesModal } from './AssignmentRulesModal.tsx';
import { LeadDrawer } from './LeadDrawer.tsx';
import { LeadFiltersBar } from './LeadFiltersBar.tsx';
import { LeadsBoard } from './LeadsBoard.tsx';
import { LeadsTable } from './LeadsTable.tsx';
import type { LeadFilters } from './leads.api.ts';
import { NewLeadModal } from './NewLeadModal.tsx';

export function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'table' ? 'table' : 'board';
  const openId = params.get('lead');
  const { permissions } = useMe();
  const canWrite = permissions.includes('leads:write');
  const canManage = permissions.includes('users:manage');
  const [editingRules, setEditingRules] = useState(false);
  const [filters, setFilters] = useState<LeadFilters>({});
  const [debounced] = useDebouncedValue(filters, 250);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'createdAt', desc: true }]);
  const [creating, setCreating] = useState(false);

  const setParam = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v === null) p.delete(k);
        else p.set(k, v);
        return p;
      },
      { replace: k === 'view' },
    );

  return (
    <Stack gap="md">
      <PageHeader
        title="Leads"
        description="Every enquiry in one pipeline: ads, listing sites, website, referrals and walk-ins."
        actions={
          <Group gap="xs">
            <SegmentedControl
              value={view}
              onChange={(v) => setParam('view', v)}
              data={[
                {
                  value: 'board',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconLayoutKanban size={14} /> Board
                    </Group>
                  ),
                },
                {
                  value: 'table',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconTable size={14} /> Table
                    </Group>
                  ),
                },
              ]}
            />
            <Button component={Link} to="/follow-ups" variant="default" leftSection={<IconBellRinging size={16} />}>
              My follow-ups
            </Button>
            {canManage && (
              <Button variant="default" leftSection={<IconRoute size={16} />} onClick={() => setEditingRules(true)}>
                Assignment rules
              </Button>
            )}
            {canWrite && (
              <Button component={Link} to="/leads/import" variant="default" leftSection={<IconFileImport size={16} />}>
                Import
              </Button>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New lead
              </Button>
            )}
          </Group>
        }
      />
      <LeadFiltersBar filters={filters} onChange={setFilters} />
      {view === 'board' ? (
        <LeadsBoard filters={debounced} onOpen={(id) => setParam('lead', id)} />
      ) : (
        <LeadsTable
          filters={debounced}
          sorting={sorting}
          onSortingChange={setSorting}
          onOpen={(id) => setParam('lead', id)}
        />
      )}
      <LeadDrawer leadId={openId} onClose={() => setParam('lead', null)} />
      {canManage && <AssignmentRulesModal opened={editingRules} onClose={() => setEditingRules(false)} />}
      <NewLeadModal opened={creating} onClose={() => setCreating(false)} onOpenLead={(id) => setParam('lead', id)} />
    </Stack>
  );
}
