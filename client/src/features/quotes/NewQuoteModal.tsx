import { Button, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useEvents } from '../events/useEvents.ts';
import { useLeads } from '../leads/leads.api.ts';
import { useCreateQuote } from './quotes.api.ts';

/** Starts a quote for a lead or an event; the builder opens on the new draft. */
export function NewQuoteModal({
  opened,
  onClose,
  preset,
}: {
  opened: boolean;
  onClose: () => void;
  /** Opened from a lead card or an event: the quote is for that one. */
  preset?: { leadId: string; label: string; title?: string };
}) {
  const [forKind, setForKind] = useState<'lead' | 'event'>('lead');
  const [target, setTarget] = useState<string | null>(preset?.leadId ?? null);
  const [title, setTitle] = useState(preset?.title ?? '');
  const leads = useLeads({ limit: 200 }, opened && forKind === 'lead');
  const events = useEvents();
  const create = useCreateQuote();
  const navigate = useNavigate();
  const options = preset
    ? [{ value: preset.leadId, label: preset.label }]
    : forKind === 'lead'
      ? (leads.data?.leads ?? []).map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }))
      : (events.data ?? []).map((e) => ({ value: e.id, label: `${e.code} · ${e.name}` }));

  const submit = async () => {
    if (!target) return;
    try {
      const q = await create.mutateAsync({
        ...(forKind === 'lead' ? { leadId: target } : { eventId: target }),
        title: title || 'Event quotation',
        lines: [],
      });
      // Navigate first: closing may unmount this modal (a lead card's), and an unmounted
      // component's navigate() is ignored.
      navigate(`/quotes/${q.quote.id}`);
      onClose();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not create the quote', message: (e as Error).message });
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New quote">
      {/* A form, so Enter in the title creates the draft as the button does. */}
      <Stack
        component="form"
        gap="sm"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {!preset && (
          <SegmentedControl
            value={forKind}
            onChange={(v) => {
              setForKind(v as 'lead' | 'event');
              setTarget(null);
            }}
            data={[
              { value: 'lead', label: 'For a lead' },
              { value: 'event', label: 'For an event' },
            ]}
          />
        )}
        <Select
          label={forKind === 'lead' ? 'Lead' : 'Event'}
          placeholder="Type to search"
          searchable
          data={options}
          disabled={Boolean(preset)}
          value={target}
          onChange={setTarget}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Sangeet and wedding, Udaipur"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending} disabled={!target}>
          Create draft
        </Button>
      </Stack>
    </Modal>
  );
}
