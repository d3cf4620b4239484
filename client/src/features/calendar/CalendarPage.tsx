import {
  CALENDAR_TYPE_LABELS,
  CALENDAR_TYPES,
  type CalendarEntry,
  type CalendarType,
  daysOf,
} from '@mandap/shared/calendar';
import { addDays, formatIndianTime } from '@mandap/shared/time';
import {
  ActionIcon,
  Badge,
  Button,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { type DragEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate, todayInKolkata } from '../../lib/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useCalendar, useMoveEntry } from './calendar.api.ts';
import { FeedButton } from './FeedButton.tsx';

type View = 'month' | 'week' | 'agenda';

const COLORS: Record<CalendarType, string> = {
  event: 'maroon',
  function: 'grape',
  meeting: 'blue',
  follow_up: 'teal',
  payment_due: 'orange',
  vendor_arrival: 'cyan',
  preparation: 'gray',
};
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = new Intl.DateTimeFormat('en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Monday on or before a day (yyyy-mm-dd). */
function mondayOf(day: string): string {
  const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -dow);
}
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(day: string, n: number): string {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

function rangeOf(view: View, anchor: string): { from: string; to: string } {
  if (view === 'month') {
    const from = mondayOf(firstOfMonth(anchor));
    return { from, to: addDays(from, 41) };
  }
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6) };
  }
  return { from: anchor, to: addDays(anchor, 30) };
}

function EntryChip({ entry, compact, onOpen }: { entry: CalendarEntry; compact: boolean; onOpen: () => void }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData('text/plain', entry.key);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Tooltip
      label={`${entry.title}${entry.subtitle ? ` · ${entry.subtitle}` : ''}`}
      openDelay={400}
      multiline
      maw={320}
    >
      <UnstyledButton
        draggable={entry.canMove}
        onDragStart={entry.canMove ? onDragStart : undefined}
        onClick={onOpen}
        data-testid="calendar-entry"
        data-key={entry.key}
        aria-label={entry.title}
        px={6}
        py={2}
        style={{
          display: 'block',
          width: '100%',
          borderRadius: 4,
          fontSize: compact ? 11 : 13,
          lineHeight: 1.35,
          cursor: entry.canMove ? 'grab' : 'pointer',
          background: `var(--mantine-color-${COLORS[entry.type]}-light)`,
          color: `var(--mantine-color-${COLORS[entry.type]}-light-color)`,
          borderLeft: `3px solid var(--mantine-color-${entry.overdue ? 'red-7' : `${COLORS[entry.type]}-6`})`,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
        }}
      >
        {!entry.allDay && `${formatIndianTime(entry.start)} `}
        {entry.title}
      </UnstyledButton>
    </Tooltip>
  );
}

/** /calendar: month, week and agenda views of everything with a date that this user may open. */
export function CalendarPage() {
  const me = useMe();
  const navigate = useNavigate();
  const today = todayInKolkata();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [owner, setOwner] = useState<string | null>(null);
  const [types, setTypes] = useState<CalendarType[]>([...CALENDAR_TYPES]);
  const [dropDay, setDropDay] = useState<string | null>(null);
  const { from, to } = rangeOf(view, anchor);
  const cal = useCalendar({ from, to, owner, types });
  const move = useMoveEntry();

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarEntry[]>();
    for (const e of cal.data ?? [])
      for (const d of daysOf(e, from, to)) {
        const list = map.get(d) ?? [];
        list.push(e);
        map.set(d, list);
      }
    return map;
  }, [cal.data, from, to]);

  const owners = useMemo(() => {
    const seen = new Map<string, string>([[me.id, `Me (${me.name})`]]);
    for (const e of cal.data ?? [])
      if (e.ownerId && e.ownerName && !seen.has(e.ownerId)) seen.set(e.ownerId, e.ownerName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [cal.data, me.id, me.name]);

  const onDrop = (day: string) => (e: DragEvent) => {
    e.preventDefault();
    setDropDay(null);
    const key = e.dataTransfer.getData('text/plain');
    const entry = cal.data?.find((x) => x.key === key);
    if (!entry?.canMove) return;
    const startDay = entry.allDay ? entry.start : daysOf(entry, entry.start.slice(0, 10), '9999-12-31')[0]!;
    if (startDay === day) return;
    move.mutate(
      { type: entry.type, id: entry.refId, start: day },
      {
        onSuccess: () => notifications.show({ message: `${entry.title} moved to ${formatDate(day)}`, color: 'green' }),
        onError: (err) => notifications.show({ message: err.message, color: 'red', title: 'Not moved' }),
      },
    );
  };
  const dropProps = (day: string) => ({
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      if (dropDay !== day) setDropDay(day);
    },
    onDragLeave: () => setDropDay((d) => (d === day ? null : d)),
    onDrop: onDrop(day),
    'data-day': day,
  });
  const open = (e: CalendarEntry) => e.href && navigate(e.href);
  const step = (n: number) =>
    setAnchor(view === 'month' ? addMonths(anchor, n) : addDays(anchor, n * (view === 'week' ? 7 : 31)));
  const title =
    view === 'month'
      ? MONTHS.format(new Date(`${firstOfMonth(anchor)}T00:00:00Z`))
      : `${formatDate(from)} – ${formatDate(to)}`;

  return (
    <Stack gap="md">
      <PageHeader
        title="Calendar"
        description="Events on each of their days, functions, meetings, follow-ups, payment due dates, vendor arrivals and preparation steps. Drag what you may move to another day."
        actions={<FeedButton />}
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          <ActionIcon variant="default" onClick={() => step(-1)} aria-label="Previous">
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button variant="default" size="xs" onClick={() => setAnchor(today)}>
            Today
          </Button>
          <ActionIcon variant="default" onClick={() => step(1)} aria-label="Next">
            <IconChevronRight size={16} />
          </ActionIcon>
          <Text fw={600} data-testid="calendar-title">
            {title}
          </Text>
        </Group>
        <Group gap="sm">
          <Select
            placeholder="Everyone"
            aria-label="Owner"
            data={owners}
            value={owner}
            onChange={setOwner}
            clearable
            w={220}
            size="xs"
          />
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'month', label: 'Month' },
              { value: 'week', label: 'Week' },
              { value: 'agenda', label: 'Agenda' },
            ]}
          />
        </Group>
      </Group>
      <Chip.Group multiple value={types} onChange={(v) => setTypes(v as CalendarType[])}>
        <Group gap={6}>
          {CALENDAR_TYPES.map((t) => (
            <Chip key={t} value={t} size="xs" color={COLORS[t]} variant="light">
              {CALENDAR_TYPE_LABELS[t]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {cal.isError && <QueryError error={cal.error} />}
      {view === 'agenda' ? (
        <Stack gap="sm" data-testid="agenda">
          {[...byDay.keys()].sort().map((day) => (
            <Paper key={day} withBorder p="sm" radius="md" {...dropProps(day)}>
              <Text fw={600} size="sm" mb={6} c={day === today ? 'maroon' : undefined}>
                {new Date(`${day}T00:00:00Z`).toLocaleDateString('en-IN', { weekday: 'long', timeZone: 'UTC' })},{' '}
                {formatDate(day)}
              </Text>
              <Stack gap={4}>
                {byDay.get(day)!.map((e) => (
                  <Group key={e.key} gap="xs" wrap="nowrap">
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <EntryChip entry={e} compact={false} onOpen={() => open(e)} />
                    </div>
                    {e.ownerName && (
                      <Badge variant="outline" size="sm" color="gray">
                        {e.ownerName}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            </Paper>
          ))}
          {byDay.size === 0 && !cal.isPending && (
            <Text c="dimmed" size="sm">
              Nothing in the next 31 days.
            </Text>
          )}
        </Stack>
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(110px, 1fr))', minWidth: 770 }}>
            {WEEKDAYS.map((d) => (
              <Text
                key={d}
                size="xs"
                fw={600}
                c="dimmed"
                p={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                {d}
              </Text>
            ))}
            {Array.from({ length: view === 'month' ? 42 : 7 }, (_, i) => addDays(from, i)).map((day) => {
              const list = byDay.get(day) ?? [];
              const max = view === 'month' ? 4 : 50;
              const outside = view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7);
              return (
                <div
                  key={day}
                  {...dropProps(day)}
                  data-testid="calendar-day"
                  style={{
                    minHeight: view === 'month' ? 112 : 360,
                    padding: 4,
                    borderRight: '1px solid var(--mantine-color-gray-2)',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background:
                      dropDay === day
                        ? 'var(--mantine-color-marigold-0, var(--mantine-color-yellow-0))'
                        : outside
                          ? 'var(--mantine-color-gray-0)'
                          : undefined,
                  }}
                >
                  <Text
                    size="xs"
                    fw={day === today ? 700 : 400}
                    c={day === today ? 'maroon' : outside ? 'dimmed' : undefined}
                  >
                    {view === 'week' ? formatDate(day) : Number(day.slice(8))}
                  </Text>
                  <Stack gap={2} mt={2}>
                    {list.slice(0, max).map((e) => (
                      <EntryChip key={e.key} entry={e} compact={view === 'month'} onOpen={() => open(e)} />
                    ))}
                    {list.length > max && (
                      <UnstyledButton
                        fz={11}
                        c="dimmed"
                        onClick={() => {
                          setAnchor(day);
                          setView('agenda');
                        }}
                      >
                        +{list.length - max} more
                      </UnstyledButton>
                    )}
                  </Stack>
                </div>
              );
            })}
          </div>
        </Paper>
      )}
    </Stack>
  );
}
