import { ZAddEventType } from '@mandap/shared/events';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { useAddEventType, useEventTypeOptions } from '../leads/leadOptions.api.ts';

/** Settings → Event types: the house list the lead form, the board and the importer use; the house can add to it. */
export function EventTypesSection() {
  const add = useAddEventType();
  return <EventTypesSettings add={(label) => add.mutateAsync(label)} />;
}

/** The house's event types, and the form adding one (checked by the shared `ZAddEventType`). */
export function EventTypesSettings({ add }: { add: (label: string) => Promise<unknown> }) {
  const options = useEventTypeOptions();
  const form = useZodForm(ZAddEventType, { label: '' });
  const { onSubmit, error, submitting } = useSubmit(form, async ({ label }) => {
    await add(label);
    notifications.show({ color: 'teal', message: `${label} added to the event types.` });
    form.reset();
  });

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
        <form onSubmit={onSubmit} noValidate aria-label="New event type">
          <Stack gap="xs">
            <Group align="flex-start" gap="sm">
              <TextInput
                label="Add an event type"
                placeholder="e.g. Tilak"
                {...form.register('label')}
                error={fieldError(form.formState.errors.label?.message)}
                maxLength={40}
                w={260}
              />
              <Button type="submit" mt={25} loading={submitting}>
                Add
              </Button>
            </Group>
            <FormError message={error} />
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
