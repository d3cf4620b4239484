import { formatLeadBriefName } from '@mandap/shared/docs';
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { FullPageLoader } from '../../app/FullPageLoader.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useLead } from '../leads/leads.api.ts';
import './workspace.css';

const BriefTab = lazy(() => import('./brief/BriefTab.tsx').then((m) => ({ default: m.BriefTab })));

/**
 * A lead's live brief, co-edited during the first calls. When the lead becomes an event, the
 * event's Brief tab opens this same document (the collab-server maps the event's brief to it).
 */
export function LeadBriefPage() {
  const { leadId = '' } = useParams();
  const lead = useLead(leadId);
  if (lead.isError) return <QueryError error={lead.error} />;
  const l = lead.data?.lead;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/leads">
          Leads
        </Anchor>
        <Text size="sm">{l?.code ?? '…'}</Text>
      </Breadcrumbs>
      <PageHeader
        title={l ? `Live brief · ${l.name}` : 'Live brief'}
        description="Shared with the team as you type; it stays with the event when the lead is booked."
      />
      <Suspense fallback={<FullPageLoader />}>
        <BriefTab docName={formatLeadBriefName(leadId)} />
      </Suspense>
    </>
  );
}
