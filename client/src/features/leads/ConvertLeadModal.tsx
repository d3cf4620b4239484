import {
  type ConvertLead,
  CURRENCIES,
  checkGstin,
  GST_STATES,
  type LeadDetail,
  placeOfSupplyFromGstin,
  ZConvertLead,
} from '@mandap/shared';
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
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
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
  const [f, setF] = useState({
    billingName: lead.name,
    gstin: '',
    billingAddress: '',
    stateCode: lead.city?.toLowerCase().includes('mumbai') ? '27' : '',
    currency: lead.budgetCurrency as string,
    whatsappOptIn: !!lead.phone,
    eventName: `${lead.name} ${lead.eventType ? lead.eventType.replace(/_/g, ' ') : 'event'}`,
    startDate: lead.eventDateFrom,
    endDate: lead.eventDateTo ?? lead.eventDateFrom,
    city: lead.city ?? '',
    venue: lead.venue ?? '',
    guestCount: lead.guestCount as number | null,
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((o) => ({ ...o, [k]: v }));
  const gst = gstinFeedback(f.gstin);
  const gstStateMismatch = gst.stateCode && f.stateCode && gst.stateCode !== f.stateCode;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body: ConvertLead = {
      billingName: f.billingName,
      ...(f.gstin.trim() ? { gstin: f.gstin } : {}),
      billingAddress: f.billingAddress,
      stateCode: f.stateCode,
      currency: f.currency as ConvertLead['currency'],
      whatsappOptIn: f.whatsappOptIn,
      event: {
        name: f.eventName,
        startDate: f.startDate ?? '',
        endDate: f.endDate ?? f.startDate ?? '',
        city: f.city,
        ...(f.venue.trim() ? { venue: f.venue } : {}),
        ...(f.guestCount != null ? { guestCount: f.guestCount } : {}),
      },
    };
    const parsed = ZConvertLead.safeParse(body);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setFieldErrors({});
    try {
      await convert.mutateAsync(body);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

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
              value={f.billingName}
              onChange={(e) => set('billingName', e.currentTarget.value)}
              error={fieldErrors.billingName}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="GSTIN"
                description="Optional; checked as you type"
                placeholder="27AAPFU0939F1ZV"
                value={f.gstin}
                onChange={(e) => {
                  const gstin = e.currentTarget.value.toUpperCase();
                  // A whole, valid GSTIN names the client's state: the place of supply follows it.
                  const state = placeOfSupplyFromGstin(gstin);
                  setF((o) => ({ ...o, gstin, ...(state ? { stateCode: state } : {}) }));
                }}
                error={gst.error ?? fieldErrors.gstin}
                maxLength={20}
              />
              <Select
                label="State for GST"
                required
                searchable
                data={STATE_OPTIONS}
                value={f.stateCode || null}
                // Required, and often pre-filled from the GSTIN: picking the chosen state again keeps it.
                allowDeselect={false}
                onChange={(v) => set('stateCode', v ?? '')}
                error={gstStateMismatch ? `The GSTIN is registered in state ${gst.stateCode}` : fieldErrors.stateCode}
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
              value={f.billingAddress}
              onChange={(e) => set('billingAddress', e.currentTarget.value)}
              error={fieldErrors.billingAddress}
            />
            <Group grow align="flex-end">
              <Select
                label="Currency preference"
                data={[...CURRENCIES]}
                value={f.currency}
                allowDeselect={false}
                onChange={(v) => set('currency', v ?? 'INR')}
              />
              <Checkbox
                label="WhatsApp updates (opt-in)"
                checked={f.whatsappOptIn}
                onChange={(e) => set('whatsappOptIn', e.currentTarget.checked)}
                mb={8}
              />
            </Group>
            <Text fw={600} size="sm" mt="xs">
              Tentative event
            </Text>
            <TextInput
              label="Event name"
              required
              value={f.eventName}
              onChange={(e) => set('eventName', e.currentTarget.value)}
              error={fieldErrors['event.name']}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label="Starts"
                required
                value={f.startDate}
                onChange={(v) => set('startDate', v)}
                error={fieldErrors['event.startDate']}
              />
              <DateField
                label="Ends"
                required
                value={f.endDate}
                onChange={(v) => set('endDate', v)}
                error={fieldErrors['event.endDate']}
              />
              <TextInput
                label="City"
                required
                value={f.city}
                onChange={(e) => set('city', e.currentTarget.value)}
                error={fieldErrors['event.city']}
              />
              <TextInput label="Venue" value={f.venue} onChange={(e) => set('venue', e.currentTarget.value)} />
              <NumberInput
                label="Guests"
                min={0}
                max={100000}
                thousandSeparator=","
                value={f.guestCount ?? ''}
                onChange={(v) => set('guestCount', typeof v === 'number' ? v : null)}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={convert.isPending}>
                Create client and event
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
