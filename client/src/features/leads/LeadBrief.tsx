import type { EventType } from '@mandap/shared/events';
import { type LeadBrief, type UpdateLeadBrief, ZUpdateLeadBrief } from '@mandap/shared/leads';
import { formatMoney } from '@mandap/shared/money';
import {
  ActionIcon,
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
import type { CSSProperties, ReactNode } from 'react';
import { type UseFormReturn, useFieldArray } from 'react-hook-form';
import { formatDate, formatDateRange, humanize } from '../../lib/format.ts';
import { DateField } from '../../ui/DateField.tsx';
import { FormError } from '../../ui/FormError.tsx';
import {
  asCheckbox,
  asRupees,
  fieldError,
  optionalText,
  requestForm,
  useField,
  useSubmit,
  useZodForm,
} from '../../ui/form.ts';
import { useEventTypeOptions } from './leadOptions.api.ts';
import { useUpdateLead } from './leads.api.ts';

const inr = (minor: number) => formatMoney({ amountMinor: minor, currency: 'INR' }, { withDecimals: false });

function Row({ label, children }: { label: string; children: ReactNode }) {
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
  return <BriefFormFields brief={lead} onSave={update.mutateAsync} onDone={onDone} />;
}

/** The brief as typed: blanks as typed, budgets in paise (the boxes show rupees). */
interface BriefValues {
  eventType: EventType | null;
  eventDateFrom: string | null;
  eventDateTo: string | null;
  city: string;
  venue: string;
  isDestination: boolean;
  guestCount: number | null;
  budgetMinMinor: number | null;
  budgetMaxMinor: number | null;
  requirements: string;
  functions: { name: string; date: string | null; guestCount: number | null }[];
}

/** The form's rules are the brief's (dates in order, the budget range the right way round, each function named). */
const ZBriefForm = requestForm(
  ZUpdateLeadBrief,
  (v: BriefValues): UpdateLeadBrief => ({
    eventType: v.eventType,
    eventDateFrom: v.eventDateFrom,
    eventDateTo: v.eventDateTo,
    city: optionalText(v.city) ?? null,
    venue: optionalText(v.venue) ?? null,
    isDestination: v.isDestination,
    guestCount: v.guestCount,
    budgetMinMinor: v.budgetMinMinor,
    budgetMaxMinor: v.budgetMaxMinor,
    requirements: optionalText(v.requirements) ?? null,
    functions: v.functions,
  }),
  { 'functions.*.name': 'name the function, e.g. Sangeet, or remove the row' },
);

const valuesOf = (b: LeadBrief): BriefValues => ({
  eventType: b.eventType,
  eventDateFrom: b.eventDateFrom,
  eventDateTo: b.eventDateTo,
  city: b.city ?? '',
  venue: b.venue ?? '',
  isDestination: b.isDestination,
  guestCount: b.guestCount,
  budgetMinMinor: b.budgetMinMinor,
  budgetMaxMinor: b.budgetMaxMinor,
  requirements: b.requirements ?? '',
  functions: b.functions.map((f) => ({ name: f.name, date: f.date, guestCount: f.guestCount })),
});

type BriefForm = UseFormReturn<BriefValues, unknown, UpdateLeadBrief>;

/** A whole number (guests) or blank, bound to a field. */
function CountInput({
  form,
  name,
  ...props
}: { form: BriefForm; name: 'guestCount' | `functions.${number}.guestCount` } & {
  label?: string;
  'aria-label'?: string;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const f = useField(form, name);
  return (
    <NumberInput
      {...props}
      min={0}
      allowDecimal={false}
      name={f.name}
      ref={f.ref}
      onBlur={f.onBlur}
      value={f.value ?? ''}
      onChange={(v) => f.onChange(v === '' ? null : Number(v))}
      error={f.error}
    />
  );
}

/** An amount in rupees or blank, held in paise. */
function RupeesInput({
  form,
  name,
  label,
}: {
  form: BriefForm;
  name: 'budgetMinMinor' | 'budgetMaxMinor';
  label: string;
}) {
  const amount = useField(form, name);
  return <NumberInput label={label} {...asRupees(amount)} />;
}

function FunctionRow({ form, index, onRemove }: { form: BriefForm; index: number; onRemove: () => void }) {
  const date = useField(form, `functions.${index}.date`);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        aria-label="Function"
        placeholder="Mehendi"
        {...form.register(`functions.${index}.name`)}
        error={fieldError(form.formState.errors.functions?.[index]?.name?.message)}
        style={{ flex: 2 }}
      />
      <DateField aria-label="Function date" {...date} style={{ flex: 2 }} />
      <CountInput
        form={form}
        name={`functions.${index}.guestCount`}
        aria-label="Function guests"
        placeholder="Guests"
        style={{ flex: 1 }}
      />
      <ActionIcon variant="subtle" color="red" aria-label="Remove function" onClick={onRemove} mt={6}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}

/**
 * Edits the brief: event, dates, functions, venue/city, destination, budget range (₹), requirements.
 * `onSave` writes the one record, through the lead (lead card) or through its event (live brief).
 */
export function BriefFormFields({
  brief,
  onSave,
  saving = false,
  onDone,
}: {
  brief: LeadBrief;
  onSave: (patch: UpdateLeadBrief) => Promise<unknown>;
  /** The caller's write is still going (the button is held as while the form sends). */
  saving?: boolean;
  onDone: () => void;
}) {
  const eventTypeOptions = useEventTypeOptions();
  const form = useZodForm(ZBriefForm, valuesOf(brief));
  const eventType = useField(form, 'eventType');
  const from = useField(form, 'eventDateFrom');
  const to = useField(form, 'eventDateTo');
  const destination = useField(form, 'isDestination');
  const functions = useFieldArray({ control: form.control, name: 'functions' });
  const { errors } = form.formState;
  const { onSubmit, error, submitting } = useSubmit(form, async (patch) => {
    await onSave(patch);
    notifications.show({ color: 'teal', message: 'Brief saved.' });
    onDone();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Edit the brief">
      <Stack gap="sm">
        <FormError message={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Event type"
            data={eventTypeOptions}
            clearable
            {...eventType}
            onChange={(v) => eventType.onChange(v as EventType | null)}
          />
          <CountInput form={form} name="guestCount" label="Guests" />
          <DateField label="From" {...from} />
          <DateField label="To" {...to} />
          <TextInput label="City" {...form.register('city')} error={fieldError(errors.city?.message)} />
          <TextInput label="Venue" {...form.register('venue')} error={fieldError(errors.venue?.message)} />
          <RupeesInput form={form} name="budgetMinMinor" label="Budget from (₹)" />
          <RupeesInput form={form} name="budgetMaxMinor" label="Budget up to (₹)" />
        </SimpleGrid>
        <Checkbox label="Destination event" {...asCheckbox(destination)} />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Functions
          </Text>
          {functions.fields.map((f, i) => (
            <FunctionRow key={f.id} form={form} index={i} onRemove={() => functions.remove(i)} />
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => functions.append({ name: '', date: null, guestCount: null })}
            disabled={functions.fields.length >= 20}
            w="fit-content"
          >
            Add function
          </Button>
        </Stack>
        <Textarea
          label="Requirements"
          autosize
          minRows={2}
          {...form.register('requirements')}
          error={fieldError(errors.requirements?.message)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting || saving}>
            Save brief
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
