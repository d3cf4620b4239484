import { Alert, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { PresenceBar } from './PresenceBar.tsx';
import { SyncBadge } from './SyncBadge.tsx';
import type { SharedDoc } from './useSharedDoc.ts';

/** Sync state and who is here, above every shared document; a refusal said plainly. */
export function DocHeader({
  shared,
  readOnly,
  actions,
}: {
  shared: SharedDoc;
  readOnly: boolean;
  /** Buttons shown beside who is here (e.g. "Share read-only"). */
  actions?: ReactNode;
}) {
  return (
    <>
      <Group justify="space-between">
        <SyncBadge sync={shared.sync} readOnly={readOnly} />
        <Group gap="sm">
          <PresenceBar provider={shared.provider} />
          {actions}
        </Group>
      </Group>
      {shared.sync.kind === 'refused' && (
        <Alert color="red" variant="light">
          {shared.sync.reason}
        </Alert>
      )}
    </>
  );
}
