import { type ConvertLead, type LeadDetail, ZConvertLead } from '@mandap/shared/leads';
import { CURRENCIES, type Currency } from '@mandap/shared/money';
import { checkGstin, GST_STATES, placeOfSupplyFromGstin } from '@mandap/shared/quotes';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { DateField } from '../../ui/DateField.tsx';
import { asCheckbox, fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useConvertLead } from './leadOptions.api.ts';

const STATE_OPTIONS = Object.entries(GST_STATES)
  .filter(([code]) => code !== '96')
  .map(([code, name]) => ({ value: code, label: `${code} · ${name}` }));

/** Live GSTIN feedback: empty is fine (unregistered client); otherwise format, checksum and state. */
function gstinFeedback(raw: string): { error?: string; stateCode?: string } {
  const gstin = raw.replace(/\s+/g, '').toUpperCase();
  if (!gstin) return {};
  const r = checkGstin(gstin);
  return r.ok ? { stateCode: r.stateCode } : { error: r.reason };
}

/** What the convert form holds, named as the request names it; blanks and dates not picked as typed. */
interface ConvertValues {
  billingName: string;
  gstin: string;
  billingAddress: string;
  stateCode: string;
  currency: Currency;
  whatsappOptIn: boolean;
  event: {
    name: string;
    startDate: string | null;
    endDate: string | null;
    city: string;
    venue: string;
    guestCount: number | null;
  };
}

/** The form's rules are the conversion request's (billing, GST state, the event's dates and city). */
const ZConvertForm = requestForm(
  ZConvertLead,
  (v: ConvertValues) => ({
    billingName: v.billingName,
    gstin: optionalText(v.gstin),
    billingAddress: v.billingAddress,
    stateCode: v.stateCode,
    currency: v.currency,
    whatsappOptIn: v.whatsappOptIn,
    event: {
      name: v.event.name,
      startDate: v.event.startDate ?? '',
      endDate: v.event.endDate ?? v.event.startDate ?? '',
      city: v.event.city,
      venue: optionalText(v.event.venue),
      guestCount: v.event.guestCount ?? undefined,
    },
  }),
  {
    stateCode: 'choose the state for GST',
    'event.startDate': 'enter the day the event starts',
    'event.endDate': 'enter the day the event ends',
  },
);

/** The lead's facts the form starts from. */
export type ConvertingLead = Pick<
  LeadDetail,
  'name' | 'phone' | 'city' | 'venue' | 'budgetCurrency' | 'eventType' | 'eventDateFrom' | 'eventDateTo' | 'guestCount'
>;

const startingValues = (lead: ConvertingLead): ConvertValues => ({
  billingName: lead.name,
  gstin: '',
  billingAddress: '',
  stateCode: lead.city?.toLowerCase().includes('mumbai') ? '27' : '',
  currency: lead.budgetCurrency,
  whatsappOptIn: !!lead.phone,
  event: {
    name: `${lead.name} ${lead.eventType ? lead.eventType.replace(/_/g, ' ') : 'event'}`,
    startDate: lead.eventDateFrom,
    endDate: lead.eventDateTo ?? lead.eventDateFrom,
    city: lead.city ?? '',
    venue: lead.venue ?? '',
    guestCount: lead.guestCount,
  },
});

/** Billing details and the tentative event; `submit` sends the checked conversion request. */
export function ConvertLeadForm({
  lead,
  submit,
  onCancel,
}: {
  lead: ConvertingLead;
  submit: (request: ConvertLead) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useZodForm(ZConvertForm, startingValues(lead));
  const { errors } = form.formState;
  const gstin = useField(form, 'gstin');
  const stateCode = useField(form, 'stateCode');
  const currency = useField(form, 'currency');
  const whatsappOptIn = useField(form, 'whatsappOptIn');
  const startDate = useField(form, 'event.startDate');
  const endDate = useField(form, 'event.endDate');
  const guestCount = useField(form, 'event.guestCount');
  const gst = gstinFeedback(gstin.value);
  const gstStateMismatch = gst.stateCode && stateCode.value && gst.stateCode !== stateCode.value;

  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    await submit(request);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Convert to client">
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Text fw={600} size="sm">
          Billing
        </Text>
        <TextInput
          label="Billing name"
          required
          {...form.register('billingName')}
          error={fieldError(errors.billingName?.message)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="GSTIN"
            description="Optional; checked as you type"
            placeholder="27AAPFU0939F1ZV"
            name={gstin.name}
            ref={gstin.ref}
            onBlur={gstin.onBlur}
            value={gstin.value}
            onChange={(e) => {
              const typed = e.currentTarget.value.toUpperCase();
              gstin.onChange(typed);
              // A whole, valid GSTIN names the client's state: the place of supply follows it.
              const state = placeOfSupplyFromGstin(typed);
              if (state) form.setValue('stateCode', state, { shouldValidate: form.formState.isSubmitted });
            }}
            error={gst.error ?? gstin.error}
            maxLength={20}
          />
          <Select
            label="State for GST"
            required
            searchable
            data={STATE_OPTIONS}
            name={stateCode.name}
            ref={stateCode.ref}
            onBlur={stateCode.onBlur}
            value={stateCode.value || null}
            // Required, and often pre-filled from the GSTIN: picking the chosen state again keeps it.
            allowDeselect={false}
            onChange={(v) => stateCode.onChange(v ?? '')}
            error={gstStateMismatch ? `The GSTIN is registered in state ${gst.stateCode}` : stateCode.error}
          />
        </SimpleGrid>
        {gst.stateCode && !gstStateMismatch && (
          <Text size="xs" c="teal">
            GSTIN checksum is valid ({GST_STATES[gst.stateCode as keyof typeof GST_STATES]}).
          </Text>
        )}
        <Textarea
          label="Billing address"
          required
          autosize
          minRows={2}
          {...form.register('billingAddress')}
          error={fieldError(errors.billingAddress?.message)}
        />
        <Group grow align="flex-end">
          <Select
            label="Currency preference"
            data={[...CURRENCIES]}
            {...currency}
            allowDeselect={false}
            onChange={(v) => currency.onChange((v ?? 'INR') as Currency)}
          />
          <Checkbox label="WhatsApp updates (opt-in)" {...asCheckbox(whatsappOptIn)} mb={8} />
        </Group>
        <Text fw={600} size="sm" mt="xs">
          Tentative event
        </Text>
        <TextInput
          label="Event name"
          required
          {...form.register('event.name')}
          error={fieldError(errors.event?.name?.message)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Starts" required {...startDate} />
          <DateField label="Ends" required {...endDate} />
          <TextInput
            label="City"
            required
            {...form.register('event.city')}
            error={fieldError(errors.event?.city?.message)}
          />
          <TextInput label="Venue" {...form.register('event.venue')} error={fieldError(errors.event?.venue?.message)} />
          <NumberInput
            label="Guests"
            min={0}
            max={100000}
            thousandSeparator=","
            name={guestCount.name}
            ref={guestCount.ref}
            onBlur={guestCount.onBlur}
            value={guestCount.value ?? ''}
            onChange={(v) => guestCount.onChange(typeof v === 'number' ? v : null)}
            error={guestCount.error}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create client and event
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Lead → client + tentative event, in one action. */
export function ConvertLeadModal({
  lead,
  opened,
  onClose,
}: {
  lead: LeadDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const isPhone = useMediaQuery('(max-width: 36em)');
  const convert = useConvertLead(lead.id);
  const done = convert.data;
  return (
    <Modal opened={opened} onClose={onClose} title="Convert to client" size="lg" fullScreen={!!isPhone}>
      {done ? (
        <Stack>
          <Alert color="teal" variant="light" title="Converted">
            Client {done.clientCode} and tentative event {done.eventCode} were created. The lead becomes Won when the
            advance is paid.
          </Alert>
          <Group justify="flex-end">
            <Anchor component={Link} to={`/events/${done.eventId}/workspace`}>
              Open event {done.eventCode}
            </Anchor>
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <ConvertLeadForm lead={lead} submit={(request) => convert.mutateAsync(request)} onCancel={onClose} />
      )}
    </Modal>
  );
}
