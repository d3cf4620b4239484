import { Badge, Button } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { formatDate } from '../lib/format.ts';

/** What a signed, expiring, revocable link (brief share, client page) shows about its state. */
export interface RevocableLink {
  expiresAt: string;
  revokedAt: string | null;
  /** Printed after the date when the link kind records who revoked it. */
  revokedByName?: string | null;
}

/**
 * A link's status cell: "<Revoked> dd/mm/yyyy by …" once revoked, "Expired" past its expiry,
 * otherwise the button that revokes it, or "Live" for someone who may not revoke it (no `onRevoke`).
 * `words` names the action as the screen does (the brief "Revoke"s, the client page "Withdraw"s).
 */
export function LinkStatus({
  link,
  words,
  revoking,
  onRevoke,
}: {
  link: RevocableLink;
  words: { action: string; done: string };
  revoking?: boolean;
  onRevoke?: () => void;
}) {
  if (link.revokedAt)
    return (
      <Badge color="gray">
        {words.done} {formatDate(link.revokedAt)}
        {link.revokedByName ? ` by ${link.revokedByName}` : ''}
      </Badge>
    );
  if (link.expiresAt < new Date().toISOString()) return <Badge color="gray">Expired</Badge>;
  if (!onRevoke) return <Badge color="green">Live</Badge>;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red"
      leftSection={<IconLinkOff size={14} />}
      loading={revoking}
      onClick={onRevoke}
    >
      {words.action}
    </Button>
  );
}
