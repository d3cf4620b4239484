import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { FormError } from '../../ui/FormError.tsx';
import { OneTimeLink } from '../../ui/OneTimeLink.tsx';
import { useFeedStatus, useRevokeFeed, useRotateFeed } from './calendar.api.ts';

/** Subscribe to your calendar in Google Calendar, Outlook or a phone, through a secret .ics URL. */
export function FeedButton() {
  const [opened, setOpened] = useState(false);
  const status = useFeedStatus();
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const has = Boolean(status.data?.createdAt);
  return (
    <>
      <Button variant="light" leftSection={<IconCalendarShare size={16} />} onClick={() => setOpened(true)}>
        Calendar feed
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Your calendar feed (.ics)" size="lg">
        <Stack gap="sm">
          <Text size="sm">
            Add this secret address to Google Calendar (“From URL”), Outlook or your phone to see your events, meetings,
            follow-ups and due dates there. Anyone with the address can read it: make a new one if it leaks.
          </Text>
          {has && !url && (
            <Text size="sm" c="dimmed">
              You have a feed since {formatDateTime(status.data?.createdAt)}. Its address is shown only when made.
            </Text>
          )}
          {url && (
            <OneTimeLink
              url={url}
              title="Copy it now: it is not shown again"
              copyLabel="Copy feed address"
              testId="feed-url"
            />
          )}
          <FormError message={(rotate.error ?? revoke.error)?.message} />
          <Group>
            <Button
              loading={rotate.isPending}
              onClick={() => rotate.mutate(undefined, { onSuccess: (d) => setUrl(d.url) })}
            >
              {has ? 'Make a new address (the old one stops)' : 'Make my feed address'}
            </Button>
            {has && (
              <Button
                variant="subtle"
                color="red"
                loading={revoke.isPending}
                onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
              >
                Turn the feed off
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
