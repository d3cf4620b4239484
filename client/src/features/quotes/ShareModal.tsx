import { Anchor, Button, CopyButton, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconBrandWhatsapp, IconCheck, IconCopy } from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format.ts';
import type { ShareLink } from './quotes.api.ts';

/** The signed link and the WhatsApp message; automated template sending comes later. */
export function ShareModal({ share, onClose }: { share: ShareLink | null; onClose: () => void }) {
  return (
    <Modal opened={share !== null} onClose={onClose} title="Share this quote" size="lg">
      {share && (
        <Stack gap="sm">
          <Text size="sm">
            Anyone with this link can view and accept this version until {formatDateTime(share.expiresAt)}.
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Anchor
              href={share.url}
              target="_blank"
              size="sm"
              style={{ wordBreak: 'break-all' }}
              data-testid="share-url"
            >
              {share.url}
            </Anchor>
            <CopyButton value={share.url}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="light"
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Textarea label="WhatsApp message" value={share.message} readOnly autosize minRows={4} />
          <Group justify="flex-end">
            <Button
              component="a"
              href={share.whatsappUrl}
              target="_blank"
              rel="noopener"
              color="green"
              leftSection={<IconBrandWhatsapp size={18} />}
            >
              Send on WhatsApp
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Opens WhatsApp with the message ready; you press send. Automatic template messages are not built yet.
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
