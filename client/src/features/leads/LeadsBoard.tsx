import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { formatMoney, LEAD_STAGE_LABELS, LEAD_STAGES, type LeadStage, type LeadSummary } from '@mandap/shared';
import { Badge, Box, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, humanize } from '../../lib/format.ts';
import { SourceBadge, STAGE_COLORS, TemperatureBadge } from './LeadBadges.tsx';
import { LostReasonModal } from './LostReasonModal.tsx';
import { useMoveLead } from './leads.api.ts';

function LeadCard({ lead, onOpen }: { lead: LeadSummary; onOpen: (id: string) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: lead.id, data: { lead } });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="sm"
      radius="md"
      shadow={isDragging ? 'md' : 'xs'}
      data-testid={`lead-card-${lead.code}`}
      aria-label={`${lead.name}, ${lead.code}`}
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

function StageColumn({
  stage,
  leads,
  onOpen,
}: {
  stage: LeadStage;
  leads: LeadSummary[];
  onOpen: (id: string) => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
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
      aria-label={`${LEAD_STAGE_LABELS[stage]} column`}
    >
      <Group justify="space-between" px={4} mb="xs">
        <Text fw={600} size="sm">
          {LEAD_STAGE_LABELS[stage]}
        </Text>
        <Badge color={STAGE_COLORS[stage]} variant="light" size="sm">
          {leads.length}
        </Badge>
      </Group>
      <Stack gap="xs" mih={120}>
        {leads.map((l) => (
          <LeadCard key={l.id} lead={l} onOpen={onOpen} />
        ))}
        {leads.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            Drop a lead here
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The pipeline: one column per stage; dragging a card asks the server, which checks the lifecycle. */
export function LeadsBoard({ leads, onOpen }: { leads: LeadSummary[]; onOpen: (id: string) => void }) {
  const move = useMoveLead();
  const [pendingLost, setPendingLost] = useState<LeadSummary | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  function moveTo(lead: LeadSummary, stage: LeadStage, lostReason?: string) {
    move.mutate(
      { id: lead.id, stage, ...(lostReason ? { lostReason } : {}) },
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

  const byStage = new Map<LeadStage, LeadSummary[]>(LEAD_STAGES.map((s) => [s, []]));
  for (const l of leads) byStage.get(l.stage)?.push(l);

  return (
    <>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <ScrollArea type="auto" offsetScrollbars>
          <Box style={{ display: 'flex', gap: 12, alignItems: 'flex-start', paddingBottom: 8 }}>
            {LEAD_STAGES.map((s) => (
              <StageColumn key={s} stage={s} leads={byStage.get(s) ?? []} onOpen={onOpen} />
            ))}
          </Box>
        </ScrollArea>
      </DndContext>
      <LostReasonModal
        lead={pendingLost}
        onCancel={() => setPendingLost(null)}
        onConfirm={(reason) => {
          if (pendingLost) moveTo(pendingLost, 'lost', reason);
          setPendingLost(null);
        }}
      />
    </>
  );
}
