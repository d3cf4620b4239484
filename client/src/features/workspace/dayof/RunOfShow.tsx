import { newId } from '@mandap/shared/common';
import { type Cue, type DayofDoc, formatCueTime, moveCue, parseCueTime, sortCues } from '@mandap/shared/docs';
import { Button, Card, Checkbox, Group, NumberInput, Stack, Switch, Text, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useCollection } from '../collab/useCollection.ts';

function CueRow({
  cue,
  cues,
  day,
  shift,
  readOnly,
}: {
  cue: Cue;
  cues: Cue[];
  day: DayofDoc;
  shift: boolean;
  readOnly: boolean;
}) {
  const move = (text: string) => {
    const start = parseCueTime(text);
    if (start === null) return;
    day.cues.root.doc?.transact(() => {
      for (const change of moveCue(cues, cue.id, start, shift))
        day.cues.patch(change.id, { startMin: change.startMin });
    });
  };
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="cue">
      <Stack gap={0} style={{ flex: 1 }}>
        <Text fw={500} td={cue.done ? 'line-through' : undefined}>
          {cue.title}
        </Text>
        <Text size="xs" c="dimmed">
          {cue.durationMin} min{cue.ownerName ? ` · ${cue.ownerName}` : ''}
        </Text>
      </Stack>
      <TextInput
        key={cue.startMin}
        type="time"
        size="md"
        w={120}
        aria-label={`Time of ${cue.title}`}
        defaultValue={formatCueTime(cue.startMin % 1440).slice(0, 5)}
        readOnly={readOnly}
        onBlur={(e) => move(e.currentTarget.value)}
      />
      <Checkbox
        size="lg"
        aria-label={`${cue.title} done`}
        checked={cue.done}
        disabled={readOnly}
        onChange={(e) => day.cues.patch(cue.id, { done: e.currentTarget.checked })}
      />
    </Group>
  );
}

/** The run of show: cues in time order; moving one can shift every cue after it. */
export function RunOfShow({ day, readOnly }: { day: DayofDoc; readOnly: boolean }) {
  const cues = sortCues(useCollection(day.cues));
  const [shift, setShift] = useState(true);
  const [title, setTitle] = useState('');
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState<number | string>(30);
  const [owner, setOwner] = useState('');
  const start = parseCueTime(time);
  const next = cues.findIndex((c) => !c.done);

  return (
    <Stack gap="sm">
      {!readOnly && (
        <Switch
          checked={shift}
          onChange={(e) => setShift(e.currentTarget.checked)}
          label="Moving a cue shifts the cues after it"
          size="md"
        />
      )}
      {cues.length === 0 ? (
        <Text c="dimmed" size="sm">
          No cues yet.
        </Text>
      ) : (
        <Timeline active={next === -1 ? cues.length : next - 1} bulletSize={22} lineWidth={2} color="maroon">
          {cues.map((c) => (
            <Timeline.Item key={c.id} title={formatCueTime(c.startMin)}>
              <CueRow cue={c} cues={cues} day={day} shift={shift} readOnly={readOnly} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {!readOnly && (
        <Card withBorder radius="md" padding="sm">
          <Stack gap="xs">
            <TextInput
              size="md"
              aria-label="Cue"
              placeholder="Cue, e.g. Baraat arrives"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Group gap="xs" grow>
              <TextInput
                size="md"
                type="time"
                aria-label="Cue time"
                value={time}
                onChange={(e) => setTime(e.currentTarget.value)}
              />
              <NumberInput
                size="md"
                aria-label="Minutes"
                suffix=" min"
                min={0}
                value={duration}
                onChange={setDuration}
              />
              <TextInput
                size="md"
                aria-label="Cue owner"
                placeholder="Owner"
                value={owner}
                onChange={(e) => setOwner(e.currentTarget.value)}
              />
            </Group>
            <Button
              size="md"
              disabled={!title.trim() || start === null}
              onClick={() => {
                if (start === null) return;
                day.cues.put({
                  id: newId(),
                  title: title.trim(),
                  startMin: start,
                  durationMin: Math.max(0, Math.round(Number(duration) || 0)),
                  ownerName: owner.trim(),
                  done: false,
                });
                setTitle('');
                setTime('');
              }}
            >
              Add cue
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
