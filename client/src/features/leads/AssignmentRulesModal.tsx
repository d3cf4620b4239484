import type { AssignmentRuleView } from '@mandap/shared/leads';
import { ActionIcon, Alert, Button, Group, Modal, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { humanize } from '../../lib/format.ts';
import { AssignmentRuleForm, EMPTY_RULE, type RuleValues } from './AssignmentRuleForm.tsx';
import { sourceLabel } from './LeadBadges.tsx';
import { useAddRule, useAssignmentRules, useDeleteRule, useReorderRules, useUpdateRule } from './leadOptions.api.ts';

/** The rule form wired to the server: adds a rule, or saves the one with `ruleId`. */
function RuleForm({ initial, ruleId, onDone }: { initial: RuleValues; ruleId: string | null; onDone: () => void }) {
  const add = useAddRule();
  const update = useUpdateRule();
  return (
    <AssignmentRuleForm
      initial={initial}
      isNew={!ruleId}
      save={async (rule) => {
        if (ruleId) await update.mutateAsync({ id: ruleId, ...rule });
        else await add.mutateAsync(rule);
        notifications.show({ color: 'teal', message: ruleId ? 'Rule saved.' : 'Rule added.' });
      }}
      onDone={onDone}
    />
  );
}

function describe(rule: AssignmentRuleView): string {
  const parts = [
    rule.source && `source is ${sourceLabel(rule.source)}`,
    rule.city && `city is ${rule.city}`,
    rule.eventType && `event is ${humanize(rule.eventType)}`,
  ].filter(Boolean);
  return `When ${parts.join(' and ')}`;
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
          <RuleForm ruleId={null} initial={EMPTY_RULE} onDone={() => setEditing(null)} />
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
