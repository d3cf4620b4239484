import { newId } from '@mandap/shared/common';
import { type BriefDoc, orderKeyAtEnd, sortByOrder } from '@mandap/shared/docs';
import { ActionIcon, Button, Divider, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useCollection } from '../collab/useCollection.ts';
import { BlurTextInput } from './BlurTextInput.tsx';

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

/**
 * What the live document itself holds beside its text: the venue shortlist and the dos and don'ts.
 * The structured brief (dates, functions, guests, venue, budget, requirements) is the lead's
 * record, shown above this by `StructuredBrief` (one owner, issue 9 item 8).
 */
export function BriefFields({ brief, readOnly }: { brief: BriefDoc; readOnly: boolean }) {
  const venues = sortByOrder(useCollection(brief.venues));
  const rules = sortByOrder(useCollection(brief.rules));
  const [ruleKind, setRuleKind] = useState<'do' | 'dont'>('do');

  return (
    <Stack gap="md">
      <Section title="Venue shortlist">
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
