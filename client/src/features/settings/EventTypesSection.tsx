import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useAddEventType, useEventTypeOptions } from '../leads/leadOptions.api.ts';

/** Settings → Event types: the house list the lead form, the board and the importer use; the house can add to it. */
export function EventTypesSection() {
  const options = useEventTypeOptions();
  const add = useAddEventType();
  const [label, setLabel] = useState('');
  const fieldError = add.error instanceof ApiError ? add.error.fields?.label : undefined;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    add.mutate(label.trim(), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${label.trim()} added to the event types.` });
        setLabel('');
      },
    });
  }

  return (
    <Paper component="section" withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mt="lg" aria-label="Event types">
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            Event types
          </Title>
          <Text size="sm" c="dimmed">
            The list the lead form, the board and the spreadsheet importer use. The common Indian functions are built
            in; add the ones your house does. An imported sheet's unknown type is kept as Other, with a warning and its
            text.
          </Text>
        </div>
        <Group gap={6}>
          {options.map((o) => (
            <Badge key={o.value} variant="light" color="gray" tt="none">
              {o.label}
            </Badge>
          ))}
        </Group>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Add an event type"
              placeholder="e.g. Tilak"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={fieldError ?? (add.isError && !fieldError ? errorMessage(add.error) : undefined)}
              maxLength={40}
              w={260}
            />
            <Button type="submit" loading={add.isPending} disabled={label.trim().length < 2}>
              Add
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
