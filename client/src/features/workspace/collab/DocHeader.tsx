import { Alert, Group } from '@mantine/core';
import { PresenceBar } from './PresenceBar.tsx';
import { SyncBadge } from './SyncBadge.tsx';
import type { SharedDoc } from './useSharedDoc.ts';

/** Sync state and who is here, above every shared document; a refusal said plainly. */
export function DocHeader({ shared, readOnly }: { shared: SharedDoc; readOnly: boolean }) {
  return (
    <>
      <Group justify="space-between">
        <SyncBadge sync={shared.sync} readOnly={readOnly} />
        <PresenceBar provider={shared.provider} />
      </Group>
      {shared.sync.kind === 'refused' && (
        <Alert color="red" variant="light">
          {shared.sync.reason}
        </Alert>
      )}
    </>
  );
}
