import { type Cue, type DayofDoc, formatCueTime, moveCue, parseCueTime, sortCues } from '@mandap/shared/docs';
import { Checkbox, Group, Stack, Switch, Text, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useCollection } from '../collab/useCollection.ts';
import { AddCueForm } from './AddCueForm.tsx';

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
      {!readOnly && <AddCueForm day={day} />}
    </Stack>
  );
}
