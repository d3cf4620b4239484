import type { TasksDoc } from '@mandap/shared/docs';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { BlurTextInput } from '../brief/BlurTextInput.tsx';
import type { BoardModel } from './useBoard.ts';

/** "Columns": add, rename, reorder and remove the board's columns (shared with everyone on it). */
export function ColumnsEditor({ tasksDoc, board }: { tasksDoc: TasksDoc; board: BoardModel }) {
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const add = () => {
    if (!label.trim()) return;
    tasksDoc.addColumn(label);
    setLabel('');
  };
  return (
    <>
      <Button variant="default" size="sm" leftSection={<IconColumns3 size={16} />} onClick={() => setOpen(true)}>
        Columns
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Board columns" centered>
        <Stack gap="xs">
          {board.columns.map((c, i) => {
            const keep = tasksDoc.whyKeepColumn(c.id, board.tasks);
            return (
              <Group key={c.id} gap="xs" wrap="nowrap" data-testid="column-setting">
                <BlurTextInput
                  aria-label={`Column ${i + 1} name`}
                  value={c.label}
                  onCommit={(v) => tasksDoc.renameColumn(c.id, v)}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move ${c.label} earlier`}
                  disabled={i === 0}
                  onClick={() => tasksDoc.moveColumn(c.id, -1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move ${c.label} later`}
                  disabled={i === board.columns.length - 1}
                  onClick={() => tasksDoc.moveColumn(c.id, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <Tooltip label={keep ?? `Remove ${c.label}`}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${c.label}`}
                    disabled={keep !== null}
                    onClick={() => tasksDoc.removeColumn(c.id)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
          <Group gap="xs" wrap="nowrap" mt="xs">
            <TextInput
              aria-label="New column"
              placeholder="New column, e.g. Waiting on client"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && add()}
              style={{ flex: 1 }}
            />
            <Button leftSection={<IconPlus size={16} />} onClick={add} disabled={!label.trim()}>
              Add
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Tasks in the column marked done do not count as overdue. A column with tasks cannot be removed.
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
