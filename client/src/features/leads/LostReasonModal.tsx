import { decideLeadMove, type LeadSummary, type MoveLead, ZMoveLead } from '@mandap/shared/leads';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, useSubmit, useZodForm } from '../../ui/form.ts';

/**
 * The move-to-lost request, checked as the server checks it: the request's shape, then the
 * lifecycle's own rule for this lead (a reason of at least 3 characters), under the reason field.
 */
const lostForm = (lead: LeadSummary) =>
  requestForm(
    ZMoveLead.superRefine((move, ctx) => {
      const decision = decideLeadMove(lead, move.stage, { lostReason: move.lostReason });
      if (!decision.ok) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: decision.reason });
    }),
    (v: { lostReason: string }): MoveLead => ({ stage: 'lost', lostReason: v.lostReason.trim() }),
  );

function LostReasonForm({
  lead,
  move,
  onCancel,
  onMoved,
}: {
  lead: LeadSummary;
  move: (request: MoveLead) => Promise<unknown>;
  onCancel: () => void;
  onMoved: () => void;
}) {
  const form = useZodForm(lostForm(lead), { lostReason: '' });
  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await move(request);
    onMoved();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Mark the lead as lost">
      <Stack>
        <Text size="sm">Why was {lead.name} lost? The reason stays on the lead and in reports.</Text>
        <Textarea
          label="Reason"
          placeholder="Went with another planner; budget too low; date moved…"
          autosize
          minRows={2}
          data-autofocus
          {...form.register('lostReason')}
          error={fieldError(form.formState.errors.lostReason?.message)}
        />
        <FormError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep it open
          </Button>
          <Button type="submit" color="red" loading={submitting}>
            Mark as lost
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Lost needs a reason: asked here, then the move is sent. A refusal stays in the modal with the
 * reason as typed; `onMoved` runs once the server has moved the lead.
 */
export function LostReasonModal({
  lead,
  move,
  onCancel,
  onMoved,
}: {
  lead: LeadSummary | null;
  move: (request: MoveLead) => Promise<unknown>;
  onCancel: () => void;
  onMoved: () => void;
}) {
  return (
    <Modal opened={!!lead} onClose={onCancel} title="Mark the lead as lost" centered>
      {lead && <LostReasonForm key={lead.id} lead={lead} move={move} onCancel={onCancel} onMoved={onMoved} />}
    </Modal>
  );
}
