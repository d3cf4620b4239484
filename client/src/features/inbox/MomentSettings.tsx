import { Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormError } from '../../ui/FormError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useMoments, usePrices, useSetPrices, useSwitchMoment } from './inbox.api.ts';

/** The lifecycle moments (each can be switched off by an admin) and the per-category prices finance sets. */
export function MomentSettings() {
  const me = useMe();
  const moments = useMoments();
  const toggle = useSwitchMoment();
  const prices = usePrices();
  const save = useSetPrices();
  const [draft, setDraft] = useState({ utility: 0, marketing: 0, authentication: 0 });
  useEffect(() => {
    if (prices.data) setDraft(prices.data);
  }, [prices.data]);
  const canSwitch = me.role === 'super_admin';
  const canPrice = ['super_admin', 'manager', 'finance'].includes(me.role);
  return (
    <Stack gap="md">
      <Paper withBorder radius="lg" p="md">
        <Title order={3} fz="lg" mb="xs">
          Lifecycle moments
        </Title>
        {!canSwitch && (
          <Text size="sm" c="dimmed" mb="xs">
            Only a super admin can switch moments on or off.
          </Text>
        )}
        <Table fz="sm">
          <Table.Tbody>
            {moments.data?.moments.map((m) => (
              <Table.Tr key={m.key}>
                <Table.Td>{m.label}</Table.Td>
                <Table.Td c="dimmed">{m.template}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={m.label}
                    checked={m.enabled}
                    disabled={!canSwitch}
                    onChange={(e) => toggle.mutate({ key: m.key, enabled: e.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Title order={3} fz="lg" mb="xs">
          WhatsApp price per delivered template
        </Title>
        <Group align="flex-end">
          {(['utility', 'marketing', 'authentication'] as const).map((k) => (
            <NumberInput
              key={k}
              label={`${k} (₹)`}
              decimalScale={2}
              min={0}
              disabled={!canPrice}
              value={draft[k] / 100}
              onChange={(v) => setDraft((d) => ({ ...d, [k]: Math.round(Number(v || 0) * 100) }))}
            />
          ))}
          {canPrice && (
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
              Save prices
            </Button>
          )}
        </Group>
        <FormError message={save.error?.message} />
      </Paper>
    </Stack>
  );
}
