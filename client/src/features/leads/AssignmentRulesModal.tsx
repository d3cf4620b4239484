import type { EventType } from '@mandap/shared/events';
import { type AssignmentRuleView, LEAD_SOURCES, type LeadSource } from '@mandap/shared/leads';
import { ActionIcon, Alert, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { humanize } from '../../lib/format.ts';
import { sourceLabel } from './LeadBadges.tsx';
import {
  useAddRule,
  useAssignmentRules,
  useDeleteRule,
  useEventTypeOptions,
  useLeadOwners,
  useReorderRules,
  useUpdateRule,
} from './leadOptions.api.ts';

interface RuleDraft {
  ownerId: string | null;
  source: LeadSource | null;
  city: string;
  eventType: EventType | null;
}
const EMPTY: RuleDraft = { ownerId: null, source: null, city: '', eventType: null };

function describe(rule: AssignmentRuleView): string {
  const parts = [
    rule.source && `source is ${sourceLabel(rule.source)}`,
    rule.city && `city is ${rule.city}`,
    rule.eventType && `event is ${humanize(rule.eventType)}`,
  ].filter(Boolean);
  return `When ${parts.join(' and ')}`;
}

function RuleForm({ initial, onDone, ruleId }: { initial: RuleDraft; ruleId: string | null; onDone: () => void }) {
  const owners = useLeadOwners();
  const add = useAddRule();
  const update = useUpdateRule();
  const [v, setV] = useState(initial);
  const eventTypeOptions = useEventTypeOptions();
  const [error, setError] = useState<string | null>(null);
  const sales = (owners.data?.owners ?? []).filter((o) => o.role === 'sales');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!v.ownerId) return setError('Choose the sales person who gets these leads.');
    const body = { ownerId: v.ownerId, source: v.source, city: v.city.trim() || null, eventType: v.eventType };
    try {
      if (ruleId) await update.mutateAsync({ id: ruleId, ...body });
      else await add.mutateAsync(body);
      notifications.show({ color: 'teal', message: ruleId ? 'Rule saved.' : 'Rule added.' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} aria-label="Assignment rule">
      <Stack gap="xs">
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label="Source"
            placeholder="Any source"
            clearable
            value={v.source}
            onChange={(s) => setV({ ...v, source: s as LeadSource | null })}
            data={LEAD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
            miw={160}
          />
          <TextInput
            label="City"
            placeholder="Any city"
            value={v.city}
            onChange={(e) => setV({ ...v, city: e.currentTarget.value })}
            miw={140}
          />
          <Select
            label="Event type"
            placeholder="Any event"
            clearable
            value={v.eventType}
            onChange={(s) => setV({ ...v, eventType: s as EventType | null })}
            data={eventTypeOptions}
            miw={150}
          />
          <Select
            label="Goes to"
            placeholder="Sales person"
            value={v.ownerId}
            onChange={(o) => setV({ ...v, ownerId: o })}
            data={sales.map((o) => ({ value: o.id, label: o.name }))}
            miw={160}
          />
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={add.isPending || update.isPending}>
            {ruleId ? 'Save rule' : 'Add rule'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Settings → who gets new leads: rules tried top to bottom (source, city, event type → a sales
 * person); a lead no rule matches goes round-robin among active sales people.
 */
export function AssignmentRulesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const rules = useAssignmentRules();
  const remove = useDeleteRule();
  const reorder = useReorderRules();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = rules.data?.rules ?? [];
  const fail = (err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) });

  const move = (index: number, by: -1 | 1) => {
    const ids = list.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids, { onError: fail });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Lead assignment rules" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          New leads are checked against these rules from the top; the first match decides the owner. Leads no rule
          matches go round-robin among active sales people.
        </Text>
        {rules.isError && <Alert color="red">{errorMessage(rules.error)}</Alert>}
        {list.length === 0 && !rules.isPending && <Text size="sm">No rules yet: every new lead goes round-robin.</Text>}
        {list.map((rule, i) =>
          editing === rule.id ? (
            <RuleForm
              key={rule.id}
              ruleId={rule.id}
              initial={{ ownerId: rule.ownerId, source: rule.source, city: rule.city ?? '', eventType: rule.eventType }}
              onDone={() => setEditing(null)}
            />
          ) : (
            <Paper key={rule.id} withBorder p="sm" radius="md" data-testid="assignment-rule">
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={500}>
                    {i + 1}. {describe(rule)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    → {rule.ownerName ?? 'a user who no longer exists'}
                  </Text>
                </div>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label="Move up">
                    <ActionIcon variant="subtle" aria-label="Move up" disabled={i === 0} onClick={() => move(i, -1)}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Move down">
                    <ActionIcon
                      variant="subtle"
                      aria-label="Move down"
                      disabled={i === list.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" aria-label="Edit rule" onClick={() => setEditing(rule.id)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label="Delete rule"
                      onClick={() => remove.mutate(rule.id, { onError: fail })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            </Paper>
          ),
        )}
        {editing === 'new' ? (
          <RuleForm ruleId={null} initial={EMPTY} onDone={() => setEditing(null)} />
        ) : (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add rule
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
