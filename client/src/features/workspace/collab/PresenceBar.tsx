import { Avatar, Tooltip } from '@mantine/core';
import type { WebsocketProvider } from 'y-websocket';
import { initials } from './presence.ts';
import { usePresence } from './usePresence.ts';

/** Who else has this document open. */
export function PresenceBar({ provider }: { provider: WebsocketProvider | null }) {
  const people = usePresence(provider);
  if (people.length === 0) return null;
  return (
    <Avatar.Group spacing="xs" aria-label="People here" data-testid="presence">
      {people.slice(0, 6).map((p) => (
        <Tooltip key={p.id} label={p.name}>
          <Avatar size={30} radius="xl" color={p.color} variant="filled" style={{ background: p.color }}>
            {initials(p.name)}
          </Avatar>
        </Tooltip>
      ))}
      {people.length > 6 && (
        <Avatar size={30} radius="xl">
          +{people.length - 6}
        </Avatar>
      )}
    </Avatar.Group>
  );
}
