import type { EventType } from '@mandap/shared/events';
import type { LeadBrief, LeadFunctionInput, UpdateLeadBrief } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { formatDate, formatDateRange, humanize } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useEventTypeOptions } from './leadOptions.api.ts';
import { useUpdateLead } from './leads.api.ts';

const rupees = (minor: number | null) => (minor == null ? '' : minor / 100);
const toMinor = (v: number | string) => (typeof v === 'number' ? Math.round(v * 100) : null);
const inr = (minor: number) => formatMoney({ amountMinor: minor, currency: 'INR' }, { withDecimals: false });

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/**
 * The structured brief, read view. One record (the lead's): the lead card and the event's live
 * brief (Details) both show it through this component.
 */
export function BriefView({ lead }: { lead: LeadBrief }) {
  const budget =
    lead.budgetMinMinor != null && lead.budgetMaxMinor != null
      ? `${inr(lead.budgetMinMinor)} – ${inr(lead.budgetMaxMinor)}`
      : lead.budgetMaxMinor != null
        ? `up to ${inr(lead.budgetMaxMinor)}`
        : '—';
  return (
    <Stack gap={6}>
      <Row label="Event">{lead.eventType ? humanize(lead.eventType) : '—'}</Row>
      <Row label="Dates">
        {lead.eventDateFrom ? formatDateRange(lead.eventDateFrom, lead.eventDateTo ?? lead.eventDateFrom) : '—'}
      </Row>
      <Row label="Where">
        {[lead.venue, lead.city].filter(Boolean).join(', ') || '—'}
        {lead.isDestination ? ' · destination' : ''}
      </Row>
      <Row label="Guests">{lead.guestCount ?? '—'}</Row>
      <Row label="Budget">{budget}</Row>
      {lead.functions.length > 0 && (
        <Table withTableBorder fz="sm" mt={4}>
          <Table.Tbody>
            {lead.functions.map((f) => (
              <Table.Tr key={`${f.name}|${f.date}|${f.guestCount}`}>
                <Table.Td>{f.name}</Table.Td>
                <Table.Td>{f.date ? formatDate(f.date) : '—'}</Table.Td>
                <Table.Td ta="right">{f.guestCount ?? '—'} guests</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {lead.requirements && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {lead.requirements}
        </Text>
      )}
    </Stack>
  );
}

/** Edits the lead's brief from the lead card. */
export function BriefForm({ lead, onDone }: { lead: LeadBrief & { id: string }; onDone: () => void }) {
  const update = useUpdateLead(lead.id);
  return <BriefFormFields brief={lead} onSave={update.mutateAsync} saving={update.isPending} onDone={onDone} />;
}

/**
 * Edits the brief: event, dates, functions, venue/city, destination, budget range (₹), requirements.
 * `onSave` writes the one record, through the lead (lead card) or through its event (live brief).
 */
export function BriefFormFields({
  brief: lead,
  onSave,
  saving,
  onDone,
}: {
  brief: LeadBrief;
  onSave: (patch: UpdateLeadBrief) => Promise<unknown>;
  saving: boolean;
  onDone: () => void;
}) {
  const [eventType, setEventType] = useState<EventType | null>(lead.eventType);
  const eventTypeOptions = useEventTypeOptions();
  const [from, setFrom] = useState(lead.eventDateFrom ?? '');
  const [to, setTo] = useState(lead.eventDateTo ?? '');
  const [city, setCity] = useState(lead.city ?? '');
  const [venue, setVenue] = useState(lead.venue ?? '');
  const [dest, setDest] = useState(lead.isDestination);
  const [guests, setGuests] = useState<number | string>(lead.guestCount ?? '');
  const [min, setMin] = useState<number | string>(rupees(lead.budgetMinMinor));
  const [max, setMax] = useState<number | string>(rupees(lead.budgetMaxMinor));
  const [req, setReq] = useState(lead.requirements ?? '');
  const [functions, setFunctions] = useState<(LeadFunctionInput & { key: string })[]>(() =>
    lead.functions.map((f) => ({ ...f, key: crypto.randomUUID() })),
  );
  const [error, setError] = useState<string | null>(null);

  const setFn = (i: number, patch: Partial<LeadFunctionInput>) =>
    setFunctions((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  async function save() {
    setError(null);
    try {
      await onSave({
        eventType,
        eventDateFrom: from || null,
        eventDateTo: to || null,
        city: city.trim() || null,
        venue: venue.trim() || null,
        isDestination: dest,
        guestCount: typeof guests === 'number' ? guests : null,
        budgetMinMinor: toMinor(min),
        budgetMaxMinor: toMinor(max),
        requirements: req.trim() || null,
        functions: functions.filter((f) => f.name.trim()).map(({ key: _key, ...f }) => f),
      });
      notifications.show({ color: 'teal', message: 'Brief saved.' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Event type"
          value={eventType}
          onChange={(v) => setEventType(v as EventType | null)}
          data={eventTypeOptions}
          clearable
        />
        <NumberInput label="Guests" min={0} value={guests} onChange={setGuests} />
        <DateField label="From" value={from || null} onChange={(d) => setFrom(d ?? '')} />
        <DateField label="To" value={to || null} onChange={(d) => setTo(d ?? '')} />
        <TextInput label="City" value={city} onChange={(e) => setCity(e.currentTarget.value)} />
        <TextInput label="Venue" value={venue} onChange={(e) => setVenue(e.currentTarget.value)} />
        <NumberInput
          label="Budget from (₹)"
          thousandSeparator=","
          thousandsGroupStyle="lakh"
          min={0}
          value={min}
          onChange={setMin}
        />
        <NumberInput
          label="Budget up to (₹)"
          thousandSeparator=","
          thousandsGroupStyle="lakh"
          min={0}
          value={max}
          onChange={setMax}
        />
      </SimpleGrid>
      <Checkbox label="Destination event" checked={dest} onChange={(e) => setDest(e.currentTarget.checked)} />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Functions
        </Text>
        {functions.map((f, i) => (
          <Group key={f.key} gap="xs" wrap="nowrap">
            <TextInput
              aria-label="Function"
              placeholder="Mehendi"
              value={f.name}
              onChange={(e) => setFn(i, { name: e.currentTarget.value })}
              style={{ flex: 2 }}
            />
            <DateField
              aria-label="Function date"
              value={f.date ?? null}
              onChange={(d) => setFn(i, { date: d })}
              style={{ flex: 2 }}
            />
            <NumberInput
              aria-label="Function guests"
              placeholder="Guests"
              min={0}
              value={f.guestCount ?? ''}
              onChange={(v) => setFn(i, { guestCount: typeof v === 'number' ? v : null })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Remove function"
              onClick={() => setFunctions((fs) => fs.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setFunctions((fs) => [...fs, { name: '', date: null, guestCount: null, key: crypto.randomUUID() }])
          }
          w="fit-content"
        >
          Add function
        </Button>
      </Stack>
      <Textarea label="Requirements" autosize minRows={2} value={req} onChange={(e) => setReq(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={save} loading={saving}>
          Save brief
        </Button>
      </Group>
    </Stack>
  );
}
