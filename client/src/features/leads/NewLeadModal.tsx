import { type EventType, LEAD_STAGE_LABELS, type LeadSummary, normalisePhone, ZCreateLead } from '@mandap/shared';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCopy } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useEventTypeOptions } from './leadOptions.api.ts';
import { fetchLeads, useCreateLead } from './leads.api.ts';
import { ReferrerSelect, type SourceChoice, SourceSelect } from './SourcePickers.tsx';

const EMPTY = { name: '', phone: '', email: '', city: '', eventDate: '' };

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
  const [v, setV] = useState(EMPTY);
  const [source, setSource] = useState<SourceChoice>({ source: 'manual', sourceDetail: null });
  const [referrerId, setReferrerId] = useState<string | null>(null);
  const [eventType, setEventType] = useState<EventType | null>(null);
  const eventTypeOptions = useEventTypeOptions();
  const [budget, setBudget] = useState<number | string>('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<LeadSummary | null>(null);
  const set = (k: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((old) => ({ ...old, [k]: value }));
  };

  function close() {
    setV(EMPTY);
    setBudget('');
    setEventType(null);
    setSource({ source: 'manual', sourceDetail: null });
    setReferrerId(null);
    setFields({});
    setError(null);
    setExisting(null);
    onClose();
  }

  async function findExisting(): Promise<LeadSummary | null> {
    const phone = v.phone.trim() ? normalisePhone(v.phone) : null;
    const q = phone?.ok ? phone.e164 : v.email.trim().toLowerCase();
    if (!q) return null;
    const { leads } = await fetchLeads({ q, limit: 1 });
    return leads[0] ?? null;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setExisting(null);
    const body = {
      name: v.name,
      source: source.source,
      ...(source.sourceDetail ? { sourceDetail: source.sourceDetail } : {}),
      ...(source.source === 'referral' && referrerId ? { referredByClientId: referrerId } : {}),
      ...(v.phone.trim() ? { phone: v.phone } : {}),
      ...(v.email.trim() ? { email: v.email } : {}),
      ...(v.city.trim() ? { city: v.city.trim() } : {}),
      ...(v.eventDate ? { eventDateFrom: v.eventDate } : {}),
      ...(eventType ? { eventType } : {}),
      ...(typeof budget === 'number' ? { budgetMaxMinor: Math.round(budget * 100) } : {}),
    };
    const parsed = ZCreateLead.safeParse(body);
    if (!parsed.success) {
      const f: Record<string, string> = {};
      for (const issue of parsed.error.issues) f[String(issue.path[0])] ??= issue.message;
      setFields(f);
      return;
    }
    setFields({});
    try {
      const { lead } = await create.mutateAsync(body);
      notifications.show({ color: 'teal', title: 'Lead created', message: `${lead.code} · ${lead.name}` });
      close();
      onOpenLead(lead.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'duplicate_lead') {
        setExisting(await findExisting().catch(() => null));
        setError(err.message);
        return;
      }
      if (err instanceof ApiError && err.fields) setFields(err.fields);
      setError(errorMessage(err));
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="New lead" centered size="lg" fullScreen={!!isPhone}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error && (
            <Alert
              color={existing ? 'orange' : 'red'}
              variant="light"
              icon={<IconAlertCircle size={18} />}
              role="alert"
            >
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
                <Button
                  size="xs"
                  onClick={() => {
                    close();
                    onOpenLead(existing.id);
                  }}
                >
                  Open existing lead
                </Button>
              </Group>
            </Alert>
          )}
          <TextInput label="Name" value={v.name} onChange={set('name')} error={fields.name} required data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Phone"
              type="tel"
              inputMode="tel"
              placeholder="98200 12345"
              description="+91 is added when there is no country code"
              value={v.phone}
              onChange={set('phone')}
              error={fields.phone}
            />
            <TextInput label="Email" type="email" value={v.email} onChange={set('email')} error={fields.email} />
            <SourceSelect label="Source" value={source} onChange={setSource} />
            {source.source === 'referral' && (
              <ReferrerSelect value={referrerId} onChange={setReferrerId} error={fields.referredByClientId} />
            )}
            <Select
              label="Event type"
              placeholder="Choose…"
              clearable
              value={eventType}
              onChange={(s) => setEventType(s as EventType | null)}
              data={eventTypeOptions}
            />
            <DateField
              label="Event date"
              value={v.eventDate || null}
              onChange={(d) => setV((old) => ({ ...old, eventDate: d ?? '' }))}
              error={fields.eventDateFrom}
            />
            <TextInput label="City" value={v.city} onChange={set('city')} />
            <NumberInput
              label="Budget up to (₹)"
              thousandSeparator=","
              thousandsGroupStyle="lakh"
              min={0}
              value={budget}
              onChange={setBudget}
              error={fields.budgetMaxMinor}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create lead
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
