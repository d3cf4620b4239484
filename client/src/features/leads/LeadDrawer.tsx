import { formatPhone, LEAD_STAGE_LABELS } from '@mandap/shared/leads';
import { Button, Divider, Drawer, Group, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { LeadMeetings } from '../meetings/LeadMeetings.tsx';
import { LeadQuotes } from '../quotes/LeadQuotes.tsx';
import { ContactActions } from './ContactActions.tsx';
import { ConvertLeadModal } from './ConvertLeadModal.tsx';
import { LeadAttribution } from './LeadAttribution.tsx';
import { SourceBadge, StageBadge, TemperatureBadge } from './LeadBadges.tsx';
import { BriefForm, BriefView } from './LeadBrief.tsx';
import { LeadFollowUps } from './LeadFollowUps.tsx';
import { LeadHistory } from './LeadHistory.tsx';
import { LeadReferrer } from './LeadReferrer.tsx';
import { LeadTimeline } from './LeadTimeline.tsx';
import { LogCommunicationForm } from './LogCommunicationForm.tsx';
import { useAssignLead, useLeadOwners } from './leadOptions.api.ts';
import { useLead } from './leads.api.ts';

/** The lead card: contact, brief, follow-ups, timeline and history. */
export function LeadDrawer({ leadId, onClose }: { leadId: string | null; onClose: () => void }) {
  const isPhone = useMediaQuery('(max-width: 36em)');
  const me = useMe();
  const lead = useLead(leadId);
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const l = lead.data?.lead;

  return (
    <Drawer
      opened={!!leadId}
      onClose={() => {
        setEditing(false);
        onClose();
      }}
      position="right"
      size={isPhone ? '100%' : 560}
      title={l ? <Title order={3}>{l.name}</Title> : 'Lead'}
    >
      {lead.isPending && <Skeleton h={300} />}
      {lead.isError && <QueryError error={lead.error} onRetry={() => lead.refetch()} />}
      {l && (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {l.code}
            </Text>
            <StageBadge stage={l.stage} />
            <TemperatureBadge temperature={l.temperature} />
            <SourceBadge source={l.source} />
          </Group>
          <Stack gap={2}>
            <Text size="sm">{l.phone ? formatPhone(l.phone) : 'No phone'}</Text>
            <Text size="sm">{l.email ?? 'No email'}</Text>
            {(l.lostReason || l.stage === 'won') && (
              <Text size="xs" c="dimmed">
                {l.lostReason ? `Lost: ${l.lostReason}` : 'Booking confirmed'}
              </Text>
            )}
          </Stack>
          <Group align="flex-end" gap="sm">
            <OwnerSelect leadId={l.id} ownerId={l.ownerId} ownerName={l.ownerName} />
            {l.clientId ? (
              <Text size="sm" c="teal" mb={6}>
                Converted to a client
              </Text>
            ) : (
              l.stage !== 'lost' && (
                <Button variant="light" onClick={() => setConverting(true)}>
                  Convert to client
                </Button>
              )
            )}
          </Group>
          {l.source === 'referral' && <LeadReferrer lead={l} canWrite={me.permissions.includes('leads:write')} />}
          <ContactActions lead={l} senderName={me.name} />
          <LeadAttribution attribution={l.attribution} />
          <Divider />
          <Group justify="space-between">
            <Text fw={600}>Brief</Text>
            <Group gap={4}>
              <Button size="compact-sm" variant="subtle" component={Link} to={`/leads/${l.id}/brief`}>
                Live brief
              </Button>
              {!editing && (
                <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
                  Edit brief
                </Button>
              )}
            </Group>
          </Group>
          {editing ? <BriefForm lead={l} onDone={() => setEditing(false)} /> : <BriefView lead={l} />}
          <Divider />
          <LeadQuotes lead={l} canWrite={me.permissions.includes('quotes:write')} />
          <Divider />
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List grow>
              <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
              <Tabs.Tab value="log">Log contact</Tabs.Tab>
              <Tabs.Tab value="follow-ups">Follow-ups</Tabs.Tab>
              <Tabs.Tab value="meetings">Meetings</Tabs.Tab>
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="md">
              <LeadTimeline leadId={l.id} />
            </Tabs.Panel>
            <Tabs.Panel value="log" pt="md">
              <LogCommunicationForm leadId={l.id} />
            </Tabs.Panel>
            <Tabs.Panel value="follow-ups" pt="md">
              <LeadFollowUps leadId={l.id} closed={l.stage === 'won' || l.stage === 'lost'} />
            </Tabs.Panel>
            <Tabs.Panel value="meetings" pt="md">
              <LeadMeetings leadId={l.id} leadName={l.name} email={l.email} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="md">
              <LeadHistory leadId={l.id} />
            </Tabs.Panel>
          </Tabs>
          {converting && <ConvertLeadModal lead={l} opened onClose={() => setConverting(false)} />}
          <Text size="xs" c="dimmed">
            Stage: {LEAD_STAGE_LABELS[l.stage]}. Drag the card on the board to move it. Won comes from a confirmed
            booking.
          </Text>
        </Stack>
      )}
    </Drawer>
  );
}

/** Who owns the lead; picking another person reassigns it at once. */
function OwnerSelect({
  leadId,
  ownerId,
  ownerName,
}: {
  leadId: string;
  ownerId: string | null;
  ownerName: string | null;
}) {
  const owners = useLeadOwners();
  const assign = useAssignLead(leadId);
  const data = (owners.data?.owners ?? []).map((o) => ({
    value: o.id,
    label: o.role === 'sales' ? o.name : `${o.name} (${o.role.replace('_', ' ')})`,
  }));
  if (ownerId && !data.some((d) => d.value === ownerId))
    data.push({ value: ownerId, label: ownerName ?? 'Former owner' });
  return (
    <Select
      label="Owner"
      placeholder="Unassigned"
      w={220}
      data={data}
      value={ownerId}
      allowDeselect={false}
      disabled={assign.isPending || owners.isPending}
      onChange={(id) => {
        if (!id || id === ownerId) return;
        assign.mutate(id, {
          onSuccess: (r) => notifications.show({ color: 'teal', message: `Lead handed to ${r.lead.ownerName}.` }),
          onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
        });
      }}
    />
  );
}
