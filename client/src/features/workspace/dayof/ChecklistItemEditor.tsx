import type { ChecklistItem, DayofDoc } from '@mandap/shared/docs';
import { ActionIcon, Group } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { BlurTextInput } from '../brief/BlurTextInput.tsx';

/** One checklist line in edit mode: rename it (saved on blur or Enter) or remove it. */
export function ChecklistItemEditor({ item, day }: { item: ChecklistItem; day: DayofDoc }) {
  return (
    <Group gap="xs" wrap="nowrap" data-testid="checklist-item-editor">
      <BlurTextInput
        size="md"
        aria-label={`Rename ${item.label}`}
        value={item.label}
        onCommit={(label) => label.trim() && day.items.patch(item.id, { label: label.trim() })}
        style={{ flex: 1 }}
      />
      <ActionIcon
        size="lg"
        variant="subtle"
        color="red"
        aria-label={`Remove ${item.label}`}
        onClick={() => day.items.remove(item.id)}
      >
        <IconTrash size={18} />
      </ActionIcon>
    </Group>
  );
}
