import { ActionIcon, Alert, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/**
 * A secret link shown once, right after it is made (a client page's link, a calendar feed's
 * address): the server keeps only its hash, so this is the one chance to copy it.
 */
export function OneTimeLink({
  url,
  title,
  copyLabel,
  testId,
  mt,
}: {
  url: string;
  title: string;
  /** The copy button's accessible name ("Copy link"). */
  copyLabel: string;
  testId: string;
  mt?: string;
}) {
  return (
    <Alert color="green" mt={mt} title={title}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid={testId}>
          {url}
        </Text>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'}>
              <ActionIcon variant="light" onClick={copy} aria-label={copyLabel}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
