import { hasPermission } from '@mandap/shared/access';
import {
  type BriefDoc,
  clearLegacyBrief,
  legacyBriefPatch,
  parseAnyDocName,
  readLegacyBrief,
} from '@mandap/shared/docs';
import type { LeadBrief, UpdateLeadBrief } from '@mandap/shared/leads';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { BriefFormFields, BriefView } from '../leads/LeadBrief.tsx';
import { useLead, useUpdateLead } from '../leads/leads.api.ts';
import { useEventBrief, useUpdateEventBrief } from './useEventBrief.ts';

interface Owner {
  brief: LeadBrief | null;
  leadId: string | null;
  leadCode: string | null;
  canEdit: boolean;
  save: (patch: UpdateLeadBrief) => Promise<unknown>;
  saving: boolean;
  error: unknown;
  loading: boolean;
}

function useLeadOwner(leadId: string | null): Owner {
  const me = useMe();
  const lead = useLead(leadId);
  const update = useUpdateLead(leadId ?? '');
  const qc = useQueryClient();
  const l = lead.data?.lead ?? null;
  return {
    brief: l,
    leadId,
    leadCode: l?.code ?? null,
    canEdit: hasPermission(me.role, 'leads:write'),
    save: async (patch) => {
      const out = await update.mutateAsync(patch);
      await qc.invalidateQueries({ queryKey: ['event-brief'] });
      return out;
    },
    saving: update.isPending,
    error: lead.error,
    loading: lead.isPending && !!leadId,
  };
}

function useEventOwner(eventId: string | null): Owner {
  const brief = useEventBrief(eventId);
  const update = useUpdateEventBrief(eventId ?? '');
  return {
    brief: brief.data?.brief ?? null,
    leadId: brief.data?.leadId ?? null,
    leadCode: brief.data?.leadCode ?? null,
    canEdit: brief.data?.canEdit ?? false,
    save: update.mutateAsync,
    saving: update.isPending,
    error: brief.error,
    loading: brief.isPending && !!eventId,
  };
}

/**
 * Older live briefs held their own budget, requirements and functions. An editor opening one
 * moves that data into the record (filling what it lacks, keeping disagreements as notes) and
 * then clears it from the document, so the two can never disagree again.
 */
function useMoveLegacyBrief(doc: BriefDoc | null, owner: Owner, canWriteDoc: boolean) {
  const busy = useRef(false);
  const { brief, canEdit, save } = owner;
  useEffect(() => {
    if (!doc || !brief || !canEdit || !canWriteDoc) return;
    const ydoc = doc.fieldsMap.doc;
    const check = () => {
      if (busy.current) return;
      const legacy = readLegacyBrief(doc);
      if (!legacy) return;
      const patch = legacyBriefPatch(brief, legacy);
      busy.current = true;
      const done = Object.keys(patch).length === 0 ? Promise.resolve() : save(patch);
      done
        .then(() => clearLegacyBrief(doc))
        .catch(() => undefined)
        .finally(() => {
          busy.current = false;
        });
    };
    check();
    ydoc?.on('update', check);
    return () => ydoc?.off('update', check);
  }, [doc, brief, canEdit, canWriteDoc, save]);
}

/**
 * The structured brief inside a live brief's Details: the same record the lead card shows and
 * edits (one owner), read through the lead before conversion and through the event after.
 */
export function StructuredBrief({
  docName,
  doc,
  readOnly,
}: {
  docName: string;
  doc: BriefDoc | null;
  readOnly: boolean;
}) {
  const me = useMe();
  // The structured brief is a staff record (budget included); clients and vendors see the text.
  const parsed = hasPermission(me.role, 'leads:read') ? parseAnyDocName(docName) : null;
  const leadOwner = useLeadOwner(parsed?.scope === 'lead' ? parsed.leadId : null);
  const eventOwner = useEventOwner(parsed?.scope === 'event' ? parsed.eventId : null);
  const owner = parsed?.scope === 'lead' ? leadOwner : eventOwner;
  const [editing, setEditing] = useState(false);
  useMoveLegacyBrief(doc, owner, !readOnly);

  if (!parsed) return null;
  if (owner.error) return <QueryError error={owner.error} />;
  if (owner.loading) return <Loader size="sm" aria-label="Loading the brief" />;
  return (
    <Stack gap={6} data-testid="structured-brief">
      <Group justify="space-between" wrap="nowrap">
        <Title order={4} fz="sm" tt="uppercase" c="dimmed">
          Brief
        </Title>
        {owner.brief && owner.canEdit && !editing && (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        )}
      </Group>
      {!owner.brief ? (
        <Alert variant="light" color="gray">
          This event was created without a lead, so it has no structured brief; write it in the text.
        </Alert>
      ) : editing ? (
        <BriefFormFields
          brief={owner.brief}
          onSave={owner.save}
          saving={owner.saving}
          onDone={() => setEditing(false)}
        />
      ) : (
        <BriefView lead={owner.brief} />
      )}
      {owner.leadId && owner.leadCode && (
        <Text size="xs" c="dimmed">
          One record with the lead card{' '}
          <Anchor component={Link} to={`/leads?lead=${owner.leadId}`} size="xs">
            {owner.leadCode}
          </Anchor>
          : a change here shows there, and the other way round.
        </Text>
      )}
    </Stack>
  );
}
