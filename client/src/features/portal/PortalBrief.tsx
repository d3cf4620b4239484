import { briefDoc } from '@mandap/shared/docs';
import { Alert, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { FullPageLoader } from '../../app/FullPageLoader.tsx';
import { BriefEditor } from '../workspace/brief/BriefEditor.tsx';
import { BriefFields } from '../workspace/brief/BriefFields.tsx';
import { type OpenAs, useSharedDoc } from '../workspace/collab/useSharedDoc.ts';
import '../workspace/workspace.css';

const GUEST = { id: 'client-page', name: 'Client (event page)', color: '#868e96' };

/**
 * The event's brief, read-only and live, through the collab server's share-link access (the
 * same mechanism as /b/:token): the page's token names `event:<id>:brief` and lasts no longer
 * than the page's own link.
 */
export function PortalBrief({ docName, token }: { docName: string; token: string }) {
  const openAs = useMemo<OpenAs>(() => ({ kind: 'share-link', token }), [token]);
  const shared = useSharedDoc(docName, openAs);
  const doc = shared?.doc ?? null;
  const brief = useMemo(() => (doc ? briefDoc(doc) : null), [doc]);
  if (!shared || !brief) return <FullPageLoader label="Opening the brief…" />;
  if (shared.sync.kind === 'refused') return <Alert color="red">{shared.sync.reason}</Alert>;
  return (
    <Stack gap="sm" data-testid="portal-brief">
      <BriefEditor shared={shared} me={GUEST} readOnly />
      <BriefFields brief={brief} readOnly />
    </Stack>
  );
}
