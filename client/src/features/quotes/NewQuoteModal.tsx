import { type CreateQuote, ZCreateQuote } from '@mandap/shared/quotes';
import { Button, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, optionalText, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useEvents } from '../events/useEvents.ts';
import { useLeads } from '../leads/leads.api.ts';
import { useCreateQuote } from './quotes.api.ts';

/** Opened from a lead card or an event: the quote is for that one. */
type Preset = { leadId: string; label: string; title?: string };

/** What the new-quote form holds: which kind it is for, the lead or event picked, the title as typed. */
interface NewQuoteValues {
  forKind: 'lead' | 'event';
  leadId: string | null;
  eventId: string | null;
  title: string;
}

/** The form's rules are the create-quote request's (exactly one lead or event, a title); a blank title is the default one. */
const ZNewQuoteForm = requestForm(
  ZCreateQuote,
  (v: NewQuoteValues) => ({
    ...(v.forKind === 'lead' ? { leadId: required(v.leadId) } : { eventId: required(v.eventId) }),
    title: optionalText(v.title) ?? 'Event quotation',
    lines: [],
  }),
  { leadId: 'pick the lead', eventId: 'pick the event' },
);

/** Starts a quote for a lead or an event; the builder opens on the new draft. */
export function NewQuoteModal({ opened, onClose, preset }: { opened: boolean; onClose: () => void; preset?: Preset }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New quote">
      <NewQuoteForm preset={preset} onDone={onClose} />
    </Modal>
  );
}

/** The new-quote form; `create` sends the checked request (the edge unless a caller gives its own). */
export function NewQuoteForm({
  preset,
  onDone,
  create: send,
}: {
  preset?: Preset;
  onDone: () => void;
  create?: (request: CreateQuote) => Promise<{ quote: { id: string } }>;
}) {
  const form = useZodForm(ZNewQuoteForm, {
    forKind: 'lead',
    leadId: preset?.leadId ?? null,
    eventId: null,
    title: preset?.title ?? '',
  });
  const forKind = useField(form, 'forKind');
  const lead = useField(form, 'leadId');
  const event = useField(form, 'eventId');
  const target = forKind.value === 'lead' ? lead : event;
  const leads = useLeads({ limit: 200 }, forKind.value === 'lead' && !preset);
  const events = useEvents();
  const create = useCreateQuote();
  const navigate = useNavigate();
  const options = preset
    ? [{ value: preset.leadId, label: preset.label }]
    : forKind.value === 'lead'
      ? (leads.data?.leads ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))
      : (events.data ?? []).map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` }));

  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    const q = await (send ?? create.mutateAsync)(request);
    // Navigate first: closing may unmount this modal (a lead card's), and an unmounted
    // component's navigate() is ignored.
    navigate(`/quotes/${q.quote.id}`);
    onDone();
  });

  return (
    // A form, so Enter in the title creates the draft as the button does.
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {!preset && (
          <SegmentedControl
            value={forKind.value}
            onChange={(v) => {
              forKind.onChange(v as 'lead' | 'event');
              form.resetField('leadId', { defaultValue: null });
              form.resetField('eventId', { defaultValue: null });
            }}
            data={[
              { value: 'lead', label: 'For a lead' },
              { value: 'event', label: 'For an event' },
            ]}
          />
        )}
        <Select
          key={target.name}
          label={forKind.value === 'lead' ? 'Lead' : 'Event'}
          placeholder="Type to search"
          searchable
          data={options}
          disabled={Boolean(preset)}
          {...target}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Sangeet and wedding, Udaipur"
          {...form.register('title')}
          error={fieldError(form.formState.errors.title?.message)}
        />
        <FormError message={error} />
        <Button type="submit" loading={submitting}>
          Create draft
        </Button>
      </Stack>
    </form>
  );
}
