import { LEAD_SOURCES, LEAD_STAGE_LABELS, LEAD_STAGES, type LeadSource, type LeadStage } from '@mandap/shared';
import { Alert, Group, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconTargetOff } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyNote } from '../../ui/EmptyNote.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { sourceLabel } from './LeadBadges.tsx';
import { LeadsTable } from './LeadsTable.tsx';
import { useLeads } from './useLeads.ts';

export function LeadsPage() {
  const [stage, setStage] = useState<LeadStage | null>(null);
  const [source, setSource] = useState<LeadSource | null>(null);
  const leads = useLeads({ stage, source, limit: 200 });

  return (
    <Stack gap="md">
      <PageHeader title="Leads" description="Enquiries from ads, portals, referrals and walk-ins." />
      <Alert variant="light" color="marigold.8" icon={<IconInfoCircle size={18} />} title="Read-only for now">
        The pipeline board, lead intake and import are not built yet. This list shows the leads already in the system.
      </Alert>
      <Group gap="sm">
        <Select
          aria-label="Filter by stage"
          placeholder="Any stage"
          clearable
          w={200}
          value={stage}
          onChange={(v) => setStage(v as LeadStage | null)}
          data={LEAD_STAGES.map((s) => ({ value: s, label: LEAD_STAGE_LABELS[s] }))}
        />
        <Select
          aria-label="Filter by source"
          placeholder="Any source"
          clearable
          w={200}
          value={source}
          onChange={(v) => setSource(v as LeadSource | null)}
          data={LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
        />
        {leads.data && (
          <Text size="sm" c="dimmed">
            Showing {leads.data.leads.length} of {leads.data.total}
          </Text>
        )}
      </Group>
      {leads.isPending ? (
        <Skeleton h={320} radius="lg" />
      ) : leads.isError ? (
        <QueryError error={leads.error} onRetry={() => leads.refetch()} />
      ) : leads.data.leads.length === 0 ? (
        <EmptyNote icon={<IconTargetOff size={24} />} title="No leads match">
          {stage || source ? 'Try clearing the filters.' : 'No leads have been recorded yet.'}
        </EmptyNote>
      ) : (
        <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
          <LeadsTable leads={leads.data.leads} />
        </Paper>
      )}
    </Stack>
  );
}
