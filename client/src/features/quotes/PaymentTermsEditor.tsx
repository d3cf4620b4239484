import {
  describePaymentTerm,
  PAYMENT_TERM_ANCHORS,
  type PaymentTerm,
  type PaymentTermAnchor,
  paymentTermsProblem,
} from '@mandap/shared/quotes';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { usePaymentTermTemplates } from './paymentTerms.api.ts';

const ANCHOR_LABELS: Record<PaymentTermAnchor, string> = {
  acceptance: 'acceptance',
  event_start: 'event start',
  event_end: 'completion',
};
const anchorOptions = PAYMENT_TERM_ANCHORS.map((a) => ({ value: a, label: ANCHOR_LABELS[a] }));

/**
 * The instalments printed on a quote (and the source of its milestone plan): label, share, and
 * when each falls due. Read-only it reads as the client sees it.
 */
export function PaymentTermsEditor({
  terms,
  readOnly,
  onChange,
  withTemplates = true,
  label = 'Payment terms',
  error,
}: {
  terms: readonly PaymentTerm[];
  readOnly: boolean;
  onChange: (terms: PaymentTerm[]) => void;
  withTemplates?: boolean;
  label?: string;
  /** The form's message for these terms (an instalment without a name, …), shown when the sum is right. */
  error?: string;
}) {
  const templates = usePaymentTermTemplates();
  const sum = paymentTermsProblem(terms);
  const problem = sum ?? (error ? error.charAt(0).toLowerCase() + error.slice(1) : null);
  const set = (i: number, patch: Partial<PaymentTerm>) =>
    onChange(terms.map((t, j) => (j === i ? { ...t, ...patch } : t)));

  if (readOnly)
    return (
      <Stack gap={2} data-testid="payment-terms">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {terms.length === 0 && (
          <Text size="sm" c="dimmed">
            None printed on this version.
          </Text>
        )}
        {terms.map((t) => (
          <Text size="sm" key={`${t.label}-${t.percent}-${t.anchor}-${t.days}`}>
            {t.label}: {describePaymentTerm(t)}
          </Text>
        ))}
      </Stack>
    );

  return (
    <Stack gap="xs" data-testid="payment-terms">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {withTemplates && (templates.data?.length ?? 0) > 0 && (
          <Select
            aria-label="Use a house template"
            placeholder="Use a house template"
            size="xs"
            w={280}
            data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={null}
            onChange={(id) => {
              const t = templates.data?.find((x) => x.id === id);
              if (t) onChange(t.terms.map((x) => ({ ...x })));
            }}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Instalment</Table.Th>
              <Table.Th w={90}>%</Table.Th>
              <Table.Th w={110}>Days ±</Table.Th>
              <Table.Th w={150}>From</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional; a label may repeat while typed
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`Instalment ${i + 1} label`}
                    size="xs"
                    value={t.label}
                    onChange={(e) => set(i, { label: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Instalment ${i + 1} percent`}
                    size="xs"
                    min={1}
                    max={100}
                    allowDecimal={false}
                    value={t.percent}
                    onChange={(v) => set(i, { percent: Number(v) || 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Instalment ${i + 1} days`}
                    size="xs"
                    min={-365}
                    max={365}
                    allowDecimal={false}
                    value={t.days}
                    onChange={(v) => set(i, { days: Number(v) || 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Instalment ${i + 1} from`}
                    size="xs"
                    data={anchorOptions}
                    value={t.anchor}
                    allowDeselect={false}
                    onChange={(v) => v && set(i, { anchor: v as PaymentTermAnchor })}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove instalment ${i + 1}`}
                    onClick={() => onChange(terms.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => onChange([...terms, { label: 'Instalment', percent: 10, anchor: 'event_start', days: 0 }])}
        >
          Add instalment
        </Button>
        <Text size="xs" c={problem ? 'red' : 'dimmed'}>
          {problem ? `Not saved yet: ${problem}` : terms.map(describePaymentTerm).join(' · ')}
        </Text>
      </Group>
    </Stack>
  );
}
