import { arrivalDelay, type DayofDoc, formatCueTime } from '@mandap/shared/docs';
import { Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { AddArrivalForm } from './AddArrivalForm.tsx';
import { BookedVendors } from './BookedVendors.tsx';
import { nowMinutesIST } from './time.ts';
import { useEventVendors } from './useEventVendors.ts';

/** 45 → "45 min", 130 → "2 h 10 min". */
const lateBy = (min: number) =>
  min < 60 ? `${min} min` : `${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;

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
      {lateBy(delay)} late
    </Badge>
  );
}

/**
 * Vendors expected on site: the event's booked vendors (from their assignments) plus anyone
 * added on the day; expected vs actual arrival, one tap to log "arrived now".
 */
export function ArrivalsLog({
  eventId,
  day,
  me,
  readOnly,
}: {
  eventId: string;
  day: DayofDoc;
  me: PresenceUser;
  readOnly: boolean;
}) {
  const arrivals = useCollection(day.arrivals).sort((a, b) => a.expectedMin - b.expectedMin);
  const assigned = useEventVendors(eventId, !readOnly).data ?? [];
  const [addingOther, setAddingOther] = useState(false);

  return (
    <Stack gap="sm">
      {!readOnly && <BookedVendors assigned={assigned} log={arrivals} day={day} />}
      {!readOnly && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => setAddingOther((v) => !v)}
          style={{ alignSelf: 'flex-start' }}
        >
          {addingOther ? 'Hide' : 'Someone not booked? Add them'}
        </Button>
      )}
      {!readOnly && (
        <Collapse expanded={addingOther}>
          <AddArrivalForm day={day} />
        </Collapse>
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
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
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
