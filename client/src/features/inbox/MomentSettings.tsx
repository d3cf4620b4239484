import { type MessagePrices, ZMessagePrices } from '@mandap/shared/notifications';
import { Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError.tsx';
import { asRupees, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { useMoments, usePrices, useSetPrices, useSwitchMoment } from './inbox.api.ts';

const CATEGORIES = ['utility', 'marketing', 'authentication'] as const;

/** Each price as typed, in paise; a box left blank is null (and refused by the shared schema). */
type PriceValues = Record<(typeof CATEGORIES)[number], number | null>;

/** The prices request the edge checks (`ZMessagePrices`: whole paise, up to ₹10,000 a message). */
const ZPricesForm = requestForm(ZMessagePrices, (v: PriceValues) => ({
  utility: required(v.utility),
  marketing: required(v.marketing),
  authentication: required(v.authentication),
}));

/** The per-category prices finance sets; read-only for everyone else. */
export function PricesForm({
  prices,
  canPrice,
  save,
}: {
  prices: MessagePrices;
  canPrice: boolean;
  save: (prices: MessagePrices) => Promise<MessagePrices>;
}) {
  const form = useZodForm(ZPricesForm, prices);
  const fields = {
    utility: useField(form, 'utility'),
    marketing: useField(form, 'marketing'),
    authentication: useField(form, 'authentication'),
  };
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    form.reset(await save(body));
    notifications.show({ color: 'teal', message: 'WhatsApp prices saved.' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="WhatsApp prices">
      <Group align="flex-start">
        {CATEGORIES.map((k) => (
          <NumberInput key={k} label={`${k} (₹)`} disabled={!canPrice} {...asRupees(fields[k])} />
        ))}
        {canPrice && (
          <Button type="submit" loading={submitting} mt={25}>
            Save prices
          </Button>
        )}
      </Group>
      <FormError message={error} />
    </form>
  );
}

/** The lifecycle moments (each can be switched off by an admin) and the per-category prices finance sets. */
export function MomentSettings() {
  const me = useMe();
  const moments = useMoments();
  const toggle = useSwitchMoment();
  const prices = usePrices();
  const save = useSetPrices();
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
        {moments.error && <QueryError error={moments.error} />}
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
        <FormError message={toggle.error?.message} />
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Title order={3} fz="lg" mb="xs">
          WhatsApp price per delivered template
        </Title>
        {prices.error && <QueryError error={prices.error} />}
        {prices.data && <PricesForm prices={prices.data} canPrice={canPrice} save={(p) => save.mutateAsync(p)} />}
      </Paper>
    </Stack>
  );
}
