import { type ChecklistItem, type DayofDoc, progressByChecklist, sortByOrder } from '@mandap/shared/docs';
import { Accordion, Avatar, Button, Group, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCircle, IconCircleCheckFilled } from '@tabler/icons-react';
import { useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { initials, type PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { setFocus, usePresence } from '../collab/usePresence.ts';
import { AddChecklistItemForm } from './AddChecklistItemForm.tsx';
import { AddFromTemplateForm } from './AddFromTemplateForm.tsx';
import { ChecklistItemEditor } from './ChecklistItemEditor.tsx';
import { timeIST } from './time.ts';

function ItemRow({
  item,
  day,
  me,
  readOnly,
}: {
  item: ChecklistItem;
  day: DayofDoc;
  me: PresenceUser;
  readOnly: boolean;
}) {
  const done = item.doneAt !== null;
  const toggle = () =>
    day.items.patch(
      item.id,
      done
        ? { doneAt: null, doneById: null, doneByName: null }
        : { doneAt: new Date().toISOString(), doneById: me.id, doneByName: me.name },
    );
  return (
    <UnstyledButton
      className="tap-target"
      onClick={readOnly ? undefined : toggle}
      role="checkbox"
      aria-checked={done}
      aria-label={item.label}
      disabled={readOnly}
      data-testid="checklist-item"
      px="sm"
      py={8}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        borderRadius: 8,
        background: done ? 'var(--mantine-color-teal-0)' : undefined,
      }}
    >
      {done ? (
        <IconCircleCheckFilled size={28} color="var(--mantine-color-teal-7)" />
      ) : (
        <IconCircle size={28} color="var(--mantine-color-gray-5)" />
      )}
      <Stack gap={0} style={{ flex: 1 }}>
        <Text size="md" td={done ? 'line-through' : undefined}>
          {item.label}
        </Text>
        {done && item.doneAt && (
          <Text size="xs" c="dimmed">
            {item.doneByName} · {timeIST(item.doneAt)}
          </Text>
        )}
      </Stack>
    </UnstyledButton>
  );
}

/** Checklists per function and area; one tap ticks an item, recording who and when. */
export function ChecklistsPanel({
  day,
  me,
  readOnly,
  provider,
}: {
  day: DayofDoc;
  me: PresenceUser;
  readOnly: boolean;
  provider: WebsocketProvider;
}) {
  const checklists = sortByOrder(useCollection(day.checklists));
  const items = useCollection(day.items);
  const people = usePresence(provider);
  const progress = progressByChecklist(checklists, items);
  /** The checklist whose lines are being renamed or removed (one at a time). */
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack gap="sm">
      {checklists.length === 0 && (
        <Text c="dimmed" size="sm">
          No checklists yet for this event.
        </Text>
      )}
      <Accordion variant="separated" radius="md" onChange={(id) => setFocus(provider, id)}>
        {checklists.map((c) => {
          const p = progress.get(c.id) ?? { done: 0, total: 0, percent: 0 };
          const lookers = people.filter((x) => x.focus === c.id && x.id !== me.id);
          const own = sortByOrder(items.filter((i) => i.checklistId === c.id));
          return (
            <Accordion.Item key={c.id} value={c.id} data-testid="checklist">
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="xs">
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text fw={600}>{c.title}</Text>
                    <Progress
                      value={p.percent}
                      color={p.percent === 100 ? 'teal' : 'maroon'}
                      size="sm"
                      aria-label={`${c.title} progress`}
                    />
                  </Stack>
                  <Avatar.Group>
                    {lookers.map((l) => (
                      <Avatar
                        key={l.id}
                        size={22}
                        radius="xl"
                        variant="filled"
                        style={{ background: l.color }}
                        title={`${l.name} is looking`}
                      >
                        {initials(l.name)}
                      </Avatar>
                    ))}
                  </Avatar.Group>
                  <Text size="sm" c="dimmed" miw={44} ta="right" data-testid="checklist-progress">
                    {p.done}/{p.total}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={4}>
                  {own.map((i) =>
                    editing === c.id ? (
                      <ChecklistItemEditor key={i.id} item={i} day={day} />
                    ) : (
                      <ItemRow key={i.id} item={i} day={day} me={me} readOnly={readOnly} />
                    ),
                  )}
                  {!readOnly && (
                    <Button
                      variant="subtle"
                      size="xs"
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => setEditing(editing === c.id ? null : c.id)}
                    >
                      {editing === c.id ? 'Done editing' : 'Edit items'}
                    </Button>
                  )}
                  {!readOnly && <AddChecklistItemForm day={day} checklist={c} items={own} />}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
      {!readOnly && <AddFromTemplateForm day={day} afterOrder={checklists.at(-1)?.order ?? null} />}
    </Stack>
  );
}
