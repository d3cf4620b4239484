import type { EventType } from '@mandap/shared/events';
import {
  type CreateLeadParsed,
  LEAD_STAGE_LABELS,
  type LeadSource,
  type LeadSummary,
  normalisePhone,
  ZCreateLead,
} from '@mandap/shared/leads';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { asRupees, fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useEventTypeOptions } from './leadOptions.api.ts';
import { fetchLeads, useCreateLead } from './leads.api.ts';
import { ReferrerSelect, SourceSelect } from './SourcePickers.tsx';

/** What the new-lead form holds: blanks as typed; the budget in paise (the box shows rupees). */
export interface NewLeadValues {
  name: string;
  phone: string;
  email: string;
  source: LeadSource;
  sourceDetail: string | null;
  referredByClientId: string | null;
  eventType: EventType | null;
  eventDateFrom: string | null;
  city: string;
  budgetMaxMinor: number | null;
}

const EMPTY: NewLeadValues = {
  name: '',
  phone: '',
  email: '',
  source: 'manual',
  sourceDetail: null,
  referredByClientId: null,
  eventType: null,
  eventDateFrom: null,
  city: '',
  budgetMaxMinor: null,
};

/** The form's rules are the create-lead request's (name, a phone or an email, the listing's name, …). */
const ZNewLeadForm = requestForm(ZCreateLead, (v: NewLeadValues) => ({
  name: v.name,
  source: v.source,
  sourceDetail: v.sourceDetail ?? undefined,
  referredByClientId: v.source === 'referral' ? (v.referredByClientId ?? undefined) : undefined,
  phone: optionalText(v.phone),
  email: optionalText(v.email),
  city: optionalText(v.city),
  eventDateFrom: v.eventDateFrom ?? undefined,
  eventType: v.eventType ?? undefined,
  budgetMaxMinor: v.budgetMaxMinor ?? undefined,
}));

interface CreatedLead {
  id: string;
  code: string;
  name: string;
}

/**
 * The new-lead form. `create` sends the checked request; when the server answers that a lead with
 * the same phone or email exists, `findExisting` looks it up and the form offers it instead of a twin.
 */
export function NewLeadForm({
  create,
  findExisting,
  onCreated,
  onOpenLead,
  onCancel,
}: {
  create: (lead: CreateLeadParsed) => Promise<{ lead: CreatedLead }>;
  findExisting: (query: string) => Promise<LeadSummary | null>;
  onCreated: (lead: CreatedLead) => void;
  onOpenLead: (id: string) => void;
  onCancel: () => void;
}) {
  const form = useZodForm(ZNewLeadForm, EMPTY);
  const { errors } = form.formState;
  const eventTypeOptions = useEventTypeOptions();
  const [existing, setExisting] = useState<LeadSummary | null>(null);
  const source = useField(form, 'source');
  const sourceDetail = useField(form, 'sourceDetail');
  const referrer = useField(form, 'referredByClientId');
  const eventType = useField(form, 'eventType');
  const eventDate = useField(form, 'eventDateFrom');
  const budget = useField(form, 'budgetMaxMinor');

  /** The lead the server matched: by the phone as it normalises, else by the email. */
  function lookUpExisting(): Promise<LeadSummary | null> {
    const { phone, email } = form.getValues();
    const normalised = phone.trim() ? normalisePhone(phone) : null;
    const q = normalised?.ok ? normalised.e164 : email.trim().toLowerCase();
    return q ? findExisting(q).catch(() => null) : Promise.resolve(null);
  }

  const { onSubmit, error, submitting } = useSubmit(
    form,
    async (lead) => {
      setExisting(null);
      const { lead: created } = await create(lead);
      onCreated(created);
    },
    async (err) => {
      if (!(err instanceof ApiError && err.code === 'duplicate_lead')) return undefined;
      setExisting(await lookUpExisting());
      return err.message;
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {error && (
          <Alert color={existing ? 'orange' : 'red'} variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {error}
          </Alert>
        )}
        {existing && (
          <Alert color="blue" variant="light" icon={<IconCopy size={18} />} title="Already in the pipeline">
            <Group justify="space-between" align="center">
              <div>
                <Text size="sm" fw={600}>
                  {existing.name} · {existing.code}
                </Text>
                <Text size="xs" c="dimmed">
                  {LEAD_STAGE_LABELS[existing.stage]} · {existing.ownerName ?? 'Unassigned'} ·{' '}
                  {existing.phone ?? existing.email}
                </Text>
              </div>
              <Button size="xs" onClick={() => onOpenLead(existing.id)}>
                Open existing lead
              </Button>
            </Group>
          </Alert>
        )}
        <TextInput
          label="Name"
          {...form.register('name')}
          error={fieldError(errors.name?.message)}
          required
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Phone"
            type="tel"
            inputMode="tel"
            placeholder="98200 12345"
            description="+91 is added when there is no country code"
            {...form.register('phone')}
            error={fieldError(errors.phone?.message)}
          />
          <TextInput label="Email" type="email" {...form.register('email')} error={fieldError(errors.email?.message)} />
          <SourceSelect
            label="Source"
            value={{ source: source.value, sourceDetail: sourceDetail.value }}
            onChange={(v) => {
              source.onChange(v.source);
              sourceDetail.onChange(v.sourceDetail);
            }}
            onBlur={source.onBlur}
            error={source.error ?? sourceDetail.error}
          />
          {source.value === 'referral' && (
            <ReferrerSelect
              value={referrer.value}
              onChange={referrer.onChange}
              onBlur={referrer.onBlur}
              error={referrer.error}
            />
          )}
          <Select
            label="Event type"
            placeholder="Choose…"
            clearable
            {...eventType}
            onChange={(v) => eventType.onChange(v as EventType | null)}
            data={eventTypeOptions}
          />
          <DateField label="Event date" {...eventDate} />
          <TextInput label="City" {...form.register('city')} error={fieldError(errors.city?.message)} />
          <NumberInput label="Budget up to (₹)" {...asRupees(budget)} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create lead
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Mobile-friendly new-lead form. A lead with the same phone or email is shown instead of creating a twin. */
export function NewLeadModal({
  opened,
  onClose,
  onOpenLead,
}: {
  opened: boolean;
  onClose: () => void;
  onOpenLead: (id: string) => void;
}) {
  const isPhone = useMediaQuery('(max-width: 36em)');
  const create = useCreateLead();
  return (
    <Modal opened={opened} onClose={onClose} title="New lead" centered size="lg" fullScreen={!!isPhone}>
      <NewLeadForm
        create={(lead) => create.mutateAsync(lead)}
        findExisting={async (q) => (await fetchLeads({ q, limit: 1 })).leads[0] ?? null}
        onCreated={(lead) => {
          notifications.show({ color: 'teal', title: 'Lead created', message: `${lead.code} · ${lead.name}` });
          onClose();
          onOpenLead(lead.id);
        }}
        onOpenLead={(id) => {
          onClose();
          onOpenLead(id);
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}
