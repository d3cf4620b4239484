import { Badge, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconLoader2, IconLock } from '@tabler/icons-react';
import type { SyncState } from './useSharedDoc.ts';

const waiting = (n: number) => (n === 0 ? '' : ` · ${n} change${n === 1 ? '' : 's'} waiting`);

/** Synced / offline with N changes waiting / reconnecting, always visible above a shared document. */
export function SyncBadge({ sync, readOnly }: { sync: SyncState; readOnly: boolean }) {
  const lock = readOnly ? <IconLock size={12} /> : null;
  switch (sync.kind) {
    case 'loading':
      return (
        <Badge variant="light" color="gray" leftSection={<IconLoader2 size={12} />} data-testid="sync-state">
          Opening…
        </Badge>
      );
    case 'synced':
      return (
        <Tooltip label={readOnly ? 'Read-only: you can see changes live but not edit' : 'Every change is saved'}>
          <Badge
            variant="light"
            color="teal"
            leftSection={lock ?? <IconCloudCheck size={12} />}
            data-testid="sync-state"
          >
            {readOnly ? 'Read-only · live' : 'Synced'}
          </Badge>
        </Tooltip>
      );
    case 'connecting':
      return (
        <Badge variant="light" color="yellow" leftSection={<IconLoader2 size={12} />} data-testid="sync-state">
          Reconnecting{waiting(sync.pending)}
        </Badge>
      );
    case 'offline':
      return (
        <Tooltip label="Edits are kept on this device and sent when the connection returns">
          <Badge variant="light" color="orange" leftSection={<IconCloudOff size={12} />} data-testid="sync-state">
            Offline{waiting(sync.pending)}
          </Badge>
        </Tooltip>
      );
    case 'refused':
      return (
        <Badge variant="light" color="red" leftSection={<IconLock size={12} />} data-testid="sync-state">
          {sync.reason}
        </Badge>
      );
  }
}
