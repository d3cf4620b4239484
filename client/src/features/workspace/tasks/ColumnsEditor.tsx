import { type TasksDoc, ZTaskColumn } from '@mandap/shared/docs';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns3, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';
import { BlurTextInput } from '../brief/BlurTextInput.tsx';
import type { BoardModel } from './useBoard.ts';

/** A new column's name, by the shared column rule. */
const ZColumnForm = ZTaskColumn.pick({ label: true });

/** Adds a column at the end of the board: type its name, Enter or Add. */
function AddColumnForm({ tasksDoc }: { tasksDoc: TasksDoc }) {
  const form = useZodForm(ZColumnForm, { label: '' });
  const { onSubmit } = useSubmit(form, ({ label }) => {
    tasksDoc.addColumn(label);
    form.reset({ label: '' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a column">
      <Group gap="xs" wrap="nowrap" mt="xs" align="flex-start">
        <TextInput
          aria-label="New column"
          placeholder="New column, e.g. Waiting on client"
          {...form.register('label')}
          error={fieldError(form.formState.errors.label?.message)}
          style={{ flex: 1 }}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />}>
          Add
        </Button>
      </Group>
    </form>
  );
}

/** "Columns": add, rename, reorder and remove the board's columns (shared with everyone on it). */
export function ColumnsEditor({ tasksDoc, board }: { tasksDoc: TasksDoc; board: BoardModel }) {
  const [open, setOpen] = useState(false);
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
          <AddColumnForm tasksDoc={tasksDoc} />
          <Text size="xs" c="dimmed">
            Tasks in the column marked done do not count as overdue. A column with tasks cannot be removed.
          </Text>
        </Stack>
      </Modal>
    </>
  );
}
