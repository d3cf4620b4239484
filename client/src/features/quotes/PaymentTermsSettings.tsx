import { type PaymentTerm, paymentTermsProblem } from '@mandap/shared/quotes';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { PaymentTermsEditor } from './PaymentTermsEditor.tsx';
import { usePaymentTermTemplates, useSavePaymentTermTemplates } from './paymentTerms.api.ts';

interface Editable {
  name: string;
  terms: PaymentTerm[];
}

/** Settings → Payment terms: the house templates a quote's terms start from (the first is the default). */
export function PaymentTermsSettings() {
  const templates = usePaymentTermTemplates();
  const save = useSavePaymentTermTemplates();
  const [rows, setRows] = useState<Editable[] | null>(null);
  useEffect(() => {
    if (templates.data && rows === null) setRows(templates.data.map((t) => ({ name: t.name, terms: t.terms })));
  }, [templates.data, rows]);
  if (!rows) return null;
  const invalid = rows.some((r) => r.name.trim().length < 2 || paymentTermsProblem(r.terms) !== null);
  return (
    <Card withBorder mt="lg" data-testid="payment-terms-settings">
      <Title order={3}>Payment terms</Title>
      <Text size="sm" c="dimmed" mb="sm">
        House templates for the instalments printed on a quote. A new quote starts with the first; the milestone plan is
        made from the terms the client signed.
      </Text>
      <Stack gap="lg">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: templates are positional until saved
          <Stack key={i} gap="xs">
            <Group align="flex-end">
              <TextInput
                label={`Template ${i + 1} name`}
                value={r.name}
                w={{ base: '100%', sm: 420 }}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setRows(rows.map((x, j) => (j === i ? { ...x, name } : x)));
                }}
              />
              {rows.length > 1 && (
                <Button variant="subtle" color="red" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  Remove template
                </Button>
              )}
            </Group>
            <PaymentTermsEditor
              label="Instalments"
              withTemplates={false}
              terms={r.terms}
              readOnly={false}
              onChange={(terms) => setRows(rows.map((x, j) => (j === i ? { ...x, terms } : x)))}
            />
          </Stack>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() =>
              setRows([
                ...rows,
                {
                  name: 'New template',
                  terms: [{ label: 'Full payment', percent: 100, anchor: 'acceptance', days: 0 }],
                },
              ])
            }
          >
            Add template
          </Button>
          <Button
            disabled={invalid}
            loading={save.isPending}
            onClick={() =>
              save.mutate(rows, {
                onSuccess: () => notifications.show({ color: 'teal', message: 'Payment terms saved.' }),
                onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) }),
              })
            }
          >
            Save payment terms
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
