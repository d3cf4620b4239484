import { formatMoney, newId } from '@mandap/shared';
import { type BriefDoc, orderKeyAtEnd, sortByOrder } from '@mandap/shared/docs';
import { ActionIcon, Button, Divider, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { DateField } from '../../../ui/DateField.tsx';
import { useCollection } from '../collab/useCollection.ts';
import { BlurTextInput } from './BlurTextInput.tsx';

function useFields(brief: BriefDoc) {
  const [fields, setFields] = useState(() => brief.fields());
  useEffect(() => {
    const read = () => setFields(brief.fields());
    read();
    brief.fieldsMap.observe(read);
    return () => brief.fieldsMap.unobserve(read);
  }, [brief]);
  return fields;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={4} fz="sm" tt="uppercase" c="dimmed">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The brief's structured fields, in the same shared document as its text. */
export function BriefFields({ brief, readOnly }: { brief: BriefDoc; readOnly: boolean }) {
  const fields = useFields(brief);
  const functions = sortByOrder(useCollection(brief.functions));
  const venues = sortByOrder(useCollection(brief.venues));
  const rules = sortByOrder(useCollection(brief.rules));
  const [ruleKind, setRuleKind] = useState<'do' | 'dont'>('do');

  return (
    <Stack gap="md">
      <Section title="Budget">
        <NumberInput
          key={fields.budgetMinor ?? 'none'}
          aria-label="Budget in rupees"
          prefix="₹ "
          thousandSeparator=","
          thousandsGroupStyle="lakh"
          min={0}
          readOnly={readOnly}
          defaultValue={fields.budgetMinor === null ? '' : fields.budgetMinor / 100}
          onBlur={(e) => {
            const rupees = Number(e.currentTarget.value.replace(/[^\d.]/g, ''));
            const minor = e.currentTarget.value.trim() === '' ? null : Math.round(rupees * 100);
            if (minor !== fields.budgetMinor && (minor === null || Number.isSafeInteger(minor))) {
              brief.setField('budgetMinor', minor);
            }
          }}
        />
        {fields.budgetMinor !== null && (
          <Text size="xs" c="dimmed">
            {formatMoney({ amountMinor: fields.budgetMinor, currency: 'INR' })}
          </Text>
        )}
      </Section>

      <Section title="Functions">
        {functions.length === 0 && (
          <Text size="sm" c="dimmed">
            No functions yet.
          </Text>
        )}
        {functions.map((f) => (
          <Stack
            key={f.id}
            gap={4}
            p="xs"
            style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
          >
            <Group gap="xs" wrap="nowrap">
              <BlurTextInput
                aria-label="Function name"
                placeholder="Sangeet"
                value={f.name}
                readOnly={readOnly}
                onCommit={(name) => brief.functions.patch(f.id, { name })}
                style={{ flex: 1 }}
              />
              {!readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${f.name}`}
                  onClick={() => brief.functions.remove(f.id)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            <Group gap="xs" grow>
              <DateField
                aria-label="Date"
                value={f.date}
                readOnly={readOnly}
                onChange={(date) => brief.functions.patch(f.id, { date })}
              />
              <NumberInput
                key={f.guestCount ?? 'none'}
                aria-label="Guests"
                placeholder="Guests"
                min={0}
                readOnly={readOnly}
                thousandSeparator=","
                thousandsGroupStyle="lakh"
                defaultValue={f.guestCount ?? ''}
                onBlur={(e) => {
                  const n = Number.parseInt(e.currentTarget.value.replace(/,/g, ''), 10);
                  brief.functions.patch(f.id, { guestCount: Number.isFinite(n) && n >= 0 ? n : null });
                }}
              />
            </Group>
            <BlurTextInput
              aria-label="Venue"
              placeholder="Venue"
              value={f.venue}
              readOnly={readOnly}
              onCommit={(venue) => brief.functions.patch(f.id, { venue })}
            />
          </Stack>
        ))}
        {!readOnly && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              brief.functions.put({
                id: newId(),
                name: '',
                date: null,
                guestCount: null,
                venue: '',
                order: orderKeyAtEnd(functions),
              })
            }
          >
            Add function
          </Button>
        )}
      </Section>

      <Section title="Venues">
        {venues.map((v) => (
          <Group key={v.id} gap="xs" wrap="nowrap">
            <BlurTextInput
              aria-label="Venue name"
              value={v.name}
              readOnly={readOnly}
              onCommit={(name) => brief.venues.patch(v.id, { name })}
              style={{ flex: 1 }}
            />
            <SegmentedControl
              size="xs"
              readOnly={readOnly}
              value={v.status}
              onChange={(status) => brief.venues.patch(v.id, { status: status as typeof v.status })}
              data={[
                { value: 'considering', label: 'Maybe' },
                { value: 'booked', label: 'Booked' },
                { value: 'rejected', label: 'No' },
              ]}
            />
          </Group>
        ))}
        {!readOnly && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              brief.venues.put({
                id: newId(),
                name: 'New venue',
                city: '',
                status: 'considering',
                order: orderKeyAtEnd(venues),
              })
            }
          >
            Add venue
          </Button>
        )}
      </Section>

      <Section title="Requirements">
        <BlurTextInput
          multiline
          aria-label="Requirements"
          placeholder="Décor theme, stage size, power, permits…"
          value={fields.requirements}
          readOnly={readOnly}
          onCommit={(requirements) => brief.setField('requirements', requirements)}
        />
      </Section>

      <Section title="Dos and don'ts">
        {rules.map((r) => (
          <Group key={r.id} gap="xs" wrap="nowrap">
            <Text size="sm" fw={700} c={r.kind === 'do' ? 'teal' : 'red'} w={44}>
              {r.kind === 'do' ? 'Do' : "Don't"}
            </Text>
            <Text size="sm" style={{ flex: 1 }}>
              {r.text}
            </Text>
            {!readOnly && (
              <ActionIcon variant="subtle" color="red" aria-label="Remove" onClick={() => brief.rules.remove(r.id)}>
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <>
            <Divider />
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <SegmentedControl
                size="xs"
                value={ruleKind}
                onChange={(v) => setRuleKind(v as 'do' | 'dont')}
                data={[
                  { value: 'do', label: 'Do' },
                  { value: 'dont', label: "Don't" },
                ]}
              />
              <BlurTextInput
                aria-label="New do or don't"
                placeholder="No onions in any dish"
                value=""
                style={{ flex: 1 }}
                onCommit={(text) => {
                  if (text.trim())
                    brief.rules.put({ id: newId(), kind: ruleKind, text: text.trim(), order: orderKeyAtEnd(rules) });
                }}
              />
            </Group>
          </>
        )}
      </Section>
    </Stack>
  );
}
