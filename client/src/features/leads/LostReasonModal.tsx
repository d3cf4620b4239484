import type { LeadSummary } from '@mandap/shared/leads';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

/** Lost needs a reason: asked here before the move is sent. */
export function LostReasonModal({
  lead,
  onCancel,
  onConfirm,
}: {
  lead: LeadSummary | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened={!!lead} onClose={onCancel} title="Mark the lead as lost" centered>
      <Stack>
        <Text size="sm">Why was {lead?.name} lost? The reason stays on the lead and in reports.</Text>
        <Textarea
          label="Reason"
          placeholder="Went with another planner; budget too low; date moved…"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep it open
          </Button>
          <Button
            color="red"
            disabled={tooShort}
            onClick={() => {
              onConfirm(reason.trim());
              setReason('');
            }}
          >
            Mark as lost
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
