import { dayofDoc, formatDocName } from '@mandap/shared/docs';
import { Button, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { FullPageLoader } from '../../../app/FullPageLoader.tsx';
import { useMe } from '../../auth/useSession.ts';
import { DocHeader } from '../collab/DocHeader.tsx';
import { useWorkspaceDoc } from '../useWorkspaceDoc.ts';
import { ArrivalsLog } from './ArrivalsLog.tsx';
import { ChecklistsPanel } from './ChecklistsPanel.tsx';
import { CommandView } from './CommandView.tsx';
import { IssueLog } from './IssueLog.tsx';
import { RunOfShow } from './RunOfShow.tsx';

const COMMAND_ROLES = new Set(['super_admin', 'manager', 'operations']);

/** The event-day console: phone-first, large tap targets, works with no signal. */
export function DayofTab({ eventId }: { eventId: string }) {
  const { shared, readOnly, me } = useWorkspaceDoc(formatDocName(eventId, 'dayof'));
  const doc = shared?.doc ?? null;
  const role = useMe().role;
  const day = useMemo(() => (doc ? dayofDoc(doc) : null), [doc]);
  const sections = [
    { value: 'checklists', label: 'Checklists' },
    { value: 'issues', label: 'Issues' },
    { value: 'arrivals', label: 'Vendors' },
    { value: 'show', label: 'Run of show' },
    ...(COMMAND_ROLES.has(role) ? [{ value: 'command', label: 'Command' }] : []),
  ];
  const [section, setSection] = useState('checklists');
  if (!shared || !day) return <FullPageLoader label="Opening the event-day console…" />;
  return (
    <Stack gap="md" maw={900}>
      <DocHeader shared={shared} readOnly={readOnly} />
      <SimpleGrid cols={{ base: 3, sm: sections.length }} spacing={6} role="tablist" aria-label="Event-day sections">
        {sections.map((s) => (
          <Button
            key={s.value}
            role="tab"
            aria-selected={section === s.value}
            size="md"
            px={4}
            variant={section === s.value ? 'filled' : 'default'}
            onClick={() => setSection(s.value)}
          >
            {s.label}
          </Button>
        ))}
      </SimpleGrid>
      {section === 'checklists' && <ChecklistsPanel day={day} me={me} readOnly={readOnly} provider={shared.provider} />}
      {section === 'issues' && <IssueLog day={day} me={me} readOnly={readOnly} />}
      {section === 'arrivals' && <ArrivalsLog eventId={eventId} day={day} me={me} readOnly={readOnly} />}
      {section === 'show' && <RunOfShow day={day} readOnly={readOnly} />}
      {section === 'command' && <CommandView day={day} />}
    </Stack>
  );
}
