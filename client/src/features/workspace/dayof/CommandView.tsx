import {
  arrivalDelay,
  checklistProgress,
  type DayofDoc,
  formatCueTime,
  progressByChecklist,
  sortByOrder,
  sortCues,
} from '@mandap/shared/docs';
import { Badge, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useCollection } from '../collab/useCollection.ts';
import { SEVERITY_COLOR } from './IssueLog.tsx';

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The manager's live view: progress across checklists, open issues, late vendors, the next cue. */
export function CommandView({ day }: { day: DayofDoc }) {
  const checklists = sortByOrder(useCollection(day.checklists));
  const items = useCollection(day.items);
  const issues = useCollection(day.issues);
  const arrivals = useCollection(day.arrivals);
  const cues = sortCues(useCollection(day.cues));
  const overall = checklistProgress(items);
  const byList = progressByChecklist(checklists, items);
  const open = issues.filter((i) => i.resolvedAt === null);
  const waiting = arrivals.filter((a) => a.actualMin === null);
  const late = arrivals.filter((a) => (arrivalDelay(a) ?? 0) > 5);
  const nextCue = cues.find((c) => !c.done);

  return (
    <Stack gap="md" data-testid="command-view">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Card withBorder radius="md" padding="sm">
          <Group gap="sm" wrap="nowrap">
            <RingProgress
              size={64}
              thickness={7}
              sections={[{ value: overall.percent, color: 'teal' }]}
              label={
                <Text ta="center" size="xs" fw={700}>
                  {overall.percent}%
                </Text>
              }
            />
            <Stack gap={0}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                Checklists
              </Text>
              <Text fw={700} data-testid="overall-progress">
                {overall.done}/{overall.total}
              </Text>
            </Stack>
          </Group>
        </Card>
        <Stat
          label="Open issues"
          value={String(open.length)}
          hint={open.some((i) => i.severity === 'critical') ? 'Critical issue open' : undefined}
        />
        <Stat
          label="Vendors awaited"
          value={String(waiting.length)}
          hint={late.length ? `${late.length} arrived late` : undefined}
        />
        <Stat label="Next cue" value={nextCue ? formatCueTime(nextCue.startMin) : '—'} hint={nextCue?.title} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="sm">
        <Text fw={600} mb="xs">
          Progress by checklist
        </Text>
        <Stack gap="xs">
          {checklists.length === 0 && (
            <Text size="sm" c="dimmed">
              No checklists yet.
            </Text>
          )}
          {checklists.map((c) => {
            const p = byList.get(c.id) ?? { done: 0, total: 0, percent: 0 };
            return (
              <Stack key={c.id} gap={2}>
                <Group justify="space-between">
                  <Text size="sm">{c.title}</Text>
                  <Text size="sm" c="dimmed">
                    {p.done}/{p.total}
                  </Text>
                </Group>
                <Progress value={p.percent} color={p.percent === 100 ? 'teal' : 'maroon'} />
              </Stack>
            );
          })}
        </Stack>
      </Card>
      {open.length > 0 && (
        <Card withBorder radius="md" padding="sm">
          <Text fw={600} mb="xs">
            Open issues
          </Text>
          <Stack gap={6}>
            {open.map((i) => (
              <Group key={i.id} gap="xs" wrap="nowrap">
                <Badge color={SEVERITY_COLOR[i.severity]} size="sm">
                  {i.severity}
                </Badge>
                <Text size="sm">
                  {i.title} — {i.ownerName}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
