import { newId } from '@mandap/shared/common';
import { type DayofDoc, ISSUE_SEVERITIES, type IssueSeverity, ZDayIssue } from '@mandap/shared/docs';
import { Button, Card, Group, Select, Stack, TextInput } from '@mantine/core';
import { fieldError, useField, useSubmit, useZodForm } from '../../../ui/form.ts';
import type { PresenceUser } from '../collab/presence.ts';

/** What a person types of an issue; the rest (who reported it, when) is filled in. */
const ZIssueForm = ZDayIssue.pick({ title: true, severity: true, ownerName: true });

const BLANK = { title: '', severity: 'medium' as IssueSeverity, ownerName: '' };

/** Logs an issue into the day's shared document; an owner left blank is the person logging it. */
export function LogIssueForm({ day, me }: { day: DayofDoc; me: PresenceUser }) {
  const form = useZodForm(ZIssueForm, BLANK);
  const severity = useField(form, 'severity');
  const { errors } = form.formState;
  const { onSubmit } = useSubmit(form, (issue) => {
    day.issues.put({
      id: newId(),
      ...issue,
      ownerName: issue.ownerName || me.name,
      reportedByName: me.name,
      reportedAt: new Date().toISOString(),
      resolvedAt: null,
    });
    form.reset(BLANK);
    form.setFocus('title');
  });

  return (
    <Card withBorder radius="md" padding="sm">
      <form onSubmit={onSubmit} noValidate aria-label="Log an issue">
        <Stack gap="xs">
          <TextInput
            size="md"
            aria-label="Issue"
            placeholder="What went wrong? e.g. Generator 2 not starting"
            {...form.register('title')}
            error={fieldError(errors.title?.message)}
          />
          <Group gap="xs" grow align="flex-start">
            <Select
              size="md"
              aria-label="Severity"
              data={ISSUE_SEVERITIES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) }))}
              allowDeselect={false}
              {...severity}
              onChange={(v) => severity.onChange(v as IssueSeverity)}
            />
            <TextInput
              size="md"
              aria-label="Owner"
              placeholder={`Owner (${me.name})`}
              {...form.register('ownerName')}
              error={fieldError(errors.ownerName?.message)}
            />
          </Group>
          <Button size="md" type="submit">
            Log issue
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
