import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadStage, type LeadSummary } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import { Badge, Box, Button, Group, Paper, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatCount, formatDate, humanize } from '../../lib/format.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { SourceBadge, STAGE_COLORS, TemperatureBadge } from './LeadBadges.tsx';
import { LostReasonModal } from './LostReasonModal.tsx';
import { type LeadFilters, useLeads, useMoveLead } from './leads.api.ts';

function LeadCard({ lead, onOpen }: { lead: LeadSummary; onOpen: (id: string) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: lead.id, data: { lead } });
  // Space picks the card up (then the arrows move it between stages); Enter opens it, as a click does.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !isDragging) {
      e.preventDefault();
      onOpen(lead.id);
      return;
    }
    listeners?.onKeyDown?.(e);
  };
  // The card's name is its whole visible text (dnd-kit makes it a button; no aria-label hides the rest).
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="sm"
      radius="md"
      shadow={isDragging ? 'md' : 'xs'}
      data-testid={`lead-card-${lead.code}`}
      style={{
        cursor: 'grab',
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        zIndex: isDragging ? 10 : undefined,
        position: 'relative',
        touchAction: 'none',
      }}
      onClick={() => onOpen(lead.id)}
      {...listeners}
      {...attributes}
      onKeyDown={onKeyDown}
    >
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={600} lineClamp={1}>
          {lead.name}
        </Text>
        <TemperatureBadge temperature={lead.temperature} />
      </Group>
      <Text size="xs" c="dimmed">
        {lead.code}
        {lead.eventType ? ` · ${humanize(lead.eventType)}` : ''}
        {lead.eventDate ? ` · ${formatDate(lead.eventDate)}` : ''}
      </Text>
      <Group gap={6} mt={6} justify="space-between">
        <SourceBadge source={lead.source} />
        {lead.budgetMaxMinor != null && (
          <Text size="xs" ff="monospace">
            {formatMoney({ amountMinor: lead.budgetMaxMinor, currency: lead.budgetCurrency }, { withDecimals: false })}
          </Text>
        )}
      </Group>
      {lead.ownerName && (
        <Text size="xs" c="dimmed" mt={4}>
          {lead.ownerName}
        </Text>
      )}
    </Paper>
  );
}

const PAGE = 50;

/**
 * One stage: its own page of leads from the server (newest first, 50 more at a time) and its
 * true total, so a column never stops at the newest few hundred leads of the whole pipeline.
 */
function StageColumn({
  stage,
  filters,
  onOpen,
}: {
  stage: LeadStage;
  filters: LeadFilters;
  onOpen: (id: string) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const [limit, setLimit] = useState(PAGE);
  const excluded = !!filters.stage && filters.stage !== stage;
  const page = useLeads({ ...filters, stage, limit, offset: 0 }, !excluded);
  const leads = excluded ? [] : (page.data?.leads ?? []);
  const total = excluded ? 0 : page.data?.total;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="lg"
      p="xs"
      w={260}
      miw={260}
      bg={isOver ? 'var(--mantine-color-marigold-0, #fff8e6)' : 'var(--mantine-color-gray-0)'}
      data-testid={`stage-${stage}`}
      role="group"
      aria-label={`${LEAD_STAGE_LABELS[stage]} column`}
    >
      <Group justify="space-between" px={4} mb="xs">
        <Text fw={600} size="sm">
          {LEAD_STAGE_LABELS[stage]}
        </Text>
        <Badge color={STAGE_COLORS[stage]} variant="light" size="sm" data-testid={`stage-total-${stage}`}>
          {total === undefined ? '…' : formatCount(total)}
        </Badge>
      </Group>
      <Stack gap="xs" mih={120}>
        {page.isError && <QueryError error={page.error} onRetry={() => page.refetch()} />}
        {page.isPending && !excluded && <Skeleton h={80} radius="md" />}
        {leads.map((l) => (
          <LeadCard key={l.id} lead={l} onOpen={onOpen} />
        ))}
        {!page.isPending && leads.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            Drop a lead here
          </Text>
        )}
        {total !== undefined && leads.length < total && (
          <Button
            variant="subtle"
            size="xs"
            loading={page.isFetching}
            onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}
            disabled={limit >= 1000}
          >
            Show {formatCount(Math.min(PAGE, total - leads.length))} more of {formatCount(total - leads.length)}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Keyboard moves: Left and Right jump a picked-up card to the top of the previous or next stage column
 * (dnd-kit's default moves 25 px a press, which would take dozens of presses to cross a column).
 */
const stageKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect || (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft')) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const target =
    event.code === 'ArrowRight'
      ? columns.find((r) => r.left + r.width / 2 > centre + 1)
      : columns.findLast((r) => r.left + r.width / 2 < centre - 1);
  if (!target) return currentCoordinates;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: target.top + 40 };
};

const stageName = (id: unknown) => LEAD_STAGE_LABELS[id as LeadStage] ?? String(id);
const leadName = (data: unknown) => (data as { lead?: LeadSummary } | undefined)?.lead?.name ?? 'The lead';

/** What a screen reader hears while a card is moved with the keyboard. */
const announcements: Announcements = {
  onDragStart: ({ active }) =>
    `Picked up ${leadName(active.data.current)}. Left and right arrows move it between stages; space drops it; escape cancels.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${leadName(active.data.current)} is over ${stageName(over.id)}.`
      : `${leadName(active.data.current)} is over no stage.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `${leadName(active.data.current)} dropped on ${stageName(over.id)}.`
      : `${leadName(active.data.current)} dropped back.`,
  onDragCancel: ({ active }) => `Moving ${leadName(active.data.current)} was cancelled.`,
};

/** The pipeline: one column per stage; dragging a card asks the server, which checks the lifecycle. */
export function LeadsBoard({ filters, onOpen }: { filters: LeadFilters; onOpen: (id: string) => void }) {
  const move = useMoveLead();
  const [pendingLost, setPendingLost] = useState<LeadSummary | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: stageKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  function moveTo(lead: LeadSummary, stage: LeadStage) {
    move.mutate(
      { id: lead.id, stage },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', message: `${lead.name} moved to ${LEAD_STAGE_LABELS[stage]}.` }),
        onError: (err) =>
          notifications.show({ color: 'red', title: 'Move refused', message: errorMessage(err), autoClose: 8000 }),
      },
    );
  }

  function onDragEnd(e: DragEndEvent) {
    const lead = e.active.data.current?.lead as LeadSummary | undefined;
    const to = e.over?.id as LeadStage | undefined;
    if (!lead || !to || to === lead.stage) return;
    if (to === 'lost') setPendingLost(lead);
    else moveTo(lead, to);
  }

  return (
    <>
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <ScrollArea type="auto" offsetScrollbars>
          <Box style={{ display: 'flex', gap: 12, alignItems: 'flex-start', paddingBottom: 8 }}>
            {LEAD_STAGES.map((s) => (
              <StageColumn key={s} stage={s} filters={filters} onOpen={onOpen} />
            ))}
          </Box>
        </ScrollArea>
      </DndContext>
      <LostReasonModal
        lead={pendingLost}
        move={(request) => move.mutateAsync({ id: pendingLost!.id, ...request })}
        onCancel={() => setPendingLost(null)}
        onMoved={() => {
          notifications.show({ color: 'teal', message: `${pendingLost?.name} moved to ${LEAD_STAGE_LABELS.lost}.` });
          setPendingLost(null);
        }}
      />
    </>
  );
}
