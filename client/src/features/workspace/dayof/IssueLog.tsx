import { type DayofDoc, ISSUE_SEVERITIES, type IssueSeverity } from '@mandap/shared/docs';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { LogIssueForm } from './LogIssueForm.tsx';
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
  return (
    <Stack gap="sm">
      {!readOnly && <LogIssueForm day={day} me={me} />}
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
