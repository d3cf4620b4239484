import { newId } from '@mandap/shared';
import { arrivalDelay, type DayofDoc, formatCueTime, parseCueTime } from '@mandap/shared/docs';
import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { nowMinutesIST } from './time.ts';

function DelayBadge({ delay }: { delay: number | null }) {
  if (delay === null)
    return (
      <Badge variant="light" color="gray">
        Expected
      </Badge>
    );
  if (delay <= 5)
    return (
      <Badge variant="light" color="teal">
        On time
      </Badge>
    );
  return (
    <Badge variant="filled" color={delay > 30 ? 'red' : 'orange'}>
      {delay} min late
    </Badge>
  );
}

/** Vendors expected on site: expected vs actual arrival, one tap to log "arrived now". */
export function ArrivalsLog({ day, me, readOnly }: { day: DayofDoc; me: PresenceUser; readOnly: boolean }) {
  const arrivals = useCollection(day.arrivals).sort((a, b) => a.expectedMin - b.expectedMin);
  const [vendor, setVendor] = useState('');
  const [scope, setScope] = useState('');
  const [expected, setExpected] = useState('');
  const expectedMin = parseCueTime(expected);

  return (
    <Stack gap="sm">
      {!readOnly && (
        <Card withBorder radius="md" padding="sm">
          <Stack gap="xs">
            <Group gap="xs" grow>
              <TextInput
                size="md"
                aria-label="Vendor"
                placeholder="Vendor, e.g. Shree Decorators"
                value={vendor}
                onChange={(e) => setVendor(e.currentTarget.value)}
              />
              <TextInput
                size="md"
                aria-label="Scope"
                placeholder="Scope, e.g. Florals"
                value={scope}
                onChange={(e) => setScope(e.currentTarget.value)}
              />
            </Group>
            <Group gap="xs" grow>
              <TextInput
                size="md"
                aria-label="Expected at"
                type="time"
                value={expected}
                onChange={(e) => setExpected(e.currentTarget.value)}
              />
              <Button
                size="md"
                disabled={!vendor.trim() || expectedMin === null}
                onClick={() => {
                  if (expectedMin === null) return;
                  day.arrivals.put({
                    id: newId(),
                    vendorName: vendor.trim(),
                    scope: scope.trim(),
                    expectedMin,
                    actualMin: null,
                    loggedByName: null,
                  });
                  setVendor('');
                  setScope('');
                  setExpected('');
                }}
              >
                Add expected vendor
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {arrivals.length === 0 && (
        <Text c="dimmed" size="sm">
          No vendors expected yet.
        </Text>
      )}
      {arrivals.map((a) => (
        <Card key={a.id} withBorder radius="md" padding="sm" data-testid="arrival">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={500}>{a.vendorName}</Text>
              <Text size="xs" c="dimmed">
                {a.scope ? `${a.scope} · ` : ''}expected {formatCueTime(a.expectedMin)}
                {a.actualMin !== null ? ` · arrived ${formatCueTime(a.actualMin)} (${a.loggedByName ?? ''})` : ''}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <DelayBadge delay={arrivalDelay(a)} />
              {!readOnly && a.actualMin === null && (
                <Button
                  size="md"
                  onClick={() => day.arrivals.patch(a.id, { actualMin: nowMinutesIST(), loggedByName: me.name })}
                >
                  Arrived
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
