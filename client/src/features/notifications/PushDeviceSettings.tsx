import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type PushState, readPushState, turnOff, turnOn } from './push-device.ts';

const MESSAGES: Record<Exclude<PushState['kind'], 'off' | 'on'>, string> = {
  unsupported: 'This browser does not support web push notifications.',
  not_configured: 'Web push is not configured on this server (no VAPID keys), so this device cannot get notifications.',
  no_worker: 'The app’s service worker is not running here, so this device cannot get notifications. Reload the page.',
  denied: 'This browser blocks notifications for Mandap. Allow them in the site settings, then try again.',
};

/**
 * "Notifications on this device": asks the browser's permission, subscribes with the server's
 * VAPID key and registers the subscription; or unsubscribes. Says plainly why it cannot when it
 * cannot. Loaded only when the bell is opened (a chunk of its own, never in the shell).
 */
export function PushDeviceSettings() {
  const [state, setState] = useState<PushState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    readPushState()
      .then((s) => live && setState(s))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, []);

  async function run(action: () => Promise<PushState>) {
    setBusy(true);
    setError(null);
    try {
      setState(await action());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={6} data-testid="push-device">
      <Text size="sm" fw={600}>
        Notifications on this device
      </Text>
      {state === null && !error && (
        <Text size="xs" c="dimmed">
          Checking this browser…
        </Text>
      )}
      {state && state.kind !== 'on' && state.kind !== 'off' && (
        <Text size="xs" c="dimmed" role="status">
          {MESSAGES[state.kind]}
        </Text>
      )}
      {state?.kind === 'off' && (
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed">
            Off: messages reach you in the bell only.
          </Text>
          <Button size="compact-xs" loading={busy} onClick={() => run(() => turnOn(state))}>
            Turn on notifications on this device
          </Button>
        </Group>
      )}
      {state?.kind === 'on' && (
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="teal.8" role="status">
            On: this device shows your notifications.
          </Text>
          <Button size="compact-xs" variant="default" loading={busy} onClick={() => run(() => turnOff(state))}>
            Turn off
          </Button>
        </Group>
      )}
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
