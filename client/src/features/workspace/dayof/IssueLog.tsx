import { newId } from '@mandap/shared/common';
import { type DayofDoc, ISSUE_SEVERITIES, type IssueSeverity } from '@mandap/shared/docs';
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { timeIST } from './time.ts';

export const SEVERITY_COLOR: Record<IssueSeverity, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
const rank = (s: IssueSeverity) => ISSUE_SEVERITIES.indexOf(s);

/** Issues on the day: severity, owner, resolved. Open ones first, worst first. */
export function IssueLog({ day, me, readOnly }: { day: DayofDoc; me: PresenceUser; readOnly: boolean }) {
  const issues = useCollection(day.issues).sort(
    (a, b) =>
      Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) ||
      rank(b.severity) - rank(a.severity) ||
      b.reportedAt.localeCompare(a.reportedAt),
  );
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<IssueSeverity>('medium');
  const [owner, setOwner] = useState('');

  const log = () => {
    if (!title.trim()) return;
    day.issues.put({
      id: newId(),
      title: title.trim(),
      severity,
      ownerName: owner.trim() || me.name,
      reportedByName: me.name,
      reportedAt: new Date().toISOString(),
      resolvedAt: null,
    });
    setTitle('');
    setOwner('');
  };

  return (
    <Stack gap="sm">
      {!readOnly && (
        <Card withBorder radius="md" padding="sm">
          <Stack gap="xs">
            <TextInput
              size="md"
              aria-label="Issue"
              placeholder="What went wrong? e.g. Generator 2 not starting"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Group gap="xs" grow>
              <Select
                size="md"
                aria-label="Severity"
                value={severity}
                onChange={(v) => v && setSeverity(v as IssueSeverity)}
                data={ISSUE_SEVERITIES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) }))}
                allowDeselect={false}
              />
              <TextInput
                size="md"
                aria-label="Owner"
                placeholder={`Owner (${me.name})`}
                value={owner}
                onChange={(e) => setOwner(e.currentTarget.value)}
              />
            </Group>
            <Button size="md" onClick={log} disabled={!title.trim()}>
              Log issue
            </Button>
          </Stack>
        </Card>
      )}
      {issues.length === 0 && (
        <Text c="dimmed" size="sm">
          No issues logged.
        </Text>
      )}
      {issues.map((i) => (
        <Card key={i.id} withBorder radius="md" padding="sm" opacity={i.resolvedAt ? 0.6 : 1} data-testid="issue">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2}>
              <Group gap={6}>
                <Badge color={SEVERITY_COLOR[i.severity]} variant="filled" size="sm">
                  {i.severity}
                </Badge>
                {i.resolvedAt && (
                  <Badge color="teal" variant="light" size="sm">
                    Resolved {timeIST(i.resolvedAt)}
                  </Badge>
                )}
              </Group>
              <Text fw={500}>{i.title}</Text>
              <Text size="xs" c="dimmed">
                Owner {i.ownerName} · reported by {i.reportedByName} at {timeIST(i.reportedAt)}
              </Text>
            </Stack>
            {!readOnly && (
              <Button
                size="sm"
                variant={i.resolvedAt ? 'subtle' : 'light'}
                color={i.resolvedAt ? 'gray' : 'teal'}
                onClick={() => day.issues.patch(i.id, { resolvedAt: i.resolvedAt ? null : new Date().toISOString() })}
              >
                {i.resolvedAt ? 'Reopen' : 'Resolve'}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
