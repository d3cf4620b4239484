import { type Currency, formatMoney } from '@mandap/shared/money';
import { PAYMENT_MODE_LABELS, type PaymentMode } from '@mandap/shared/payments';
import { ASSIGNMENT_STATUS_LABELS, ZPoAccept } from '@mandap/shared/vendors';
import {
  Alert,
  Badge,
  Button,
  Container,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { paths } from '../../api/paths.ts';
import { formatDate, formatDateRange, formatDateTime } from '../../lib/format.ts';
import { Figure } from '../../ui/Figure.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { useAcceptPo, usePublicPo } from './vendors.api.ts';

/**
 * The vendor accepts the PO and its terms with their typed name, checked by the shared ZPoAccept;
 * `accept` sends it (the page then shows the PO as accepted).
 */
export function AcceptPoForm({ accept }: { accept: (request: z.output<typeof ZPoAccept>) => Promise<unknown> }) {
  const form = useZodForm(ZPoAccept, { name: '' });
  const { onSubmit, error, submitting } = useSubmit(form, accept);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accept the PO">
      <Stack gap="xs">
        <Text size="sm">To accept this PO and its terms, type your name.</Text>
        <TextInput
          label="Your name"
          autoComplete="name"
          {...form.register('name')}
          error={fieldError(form.formState.errors.name?.message)}
        />
        <FormError message={error} />
        <Button type="submit" loading={submitting}>
          Accept PO
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The page a vendor opens from the PO link, with no sign-in: their PO, the event's date and
 * venue, what is paid and due, and Accept with a typed name. Nothing of the client's money, the
 * house's margins or other vendors reaches this page (the server sends only this PO).
 */
export function PublicPoPage() {
  const { token = '' } = useParams();
  const po = usePublicPo(token);
  const accept = useAcceptPo(token);

  if (po.isPending)
    return (
      <Container size="sm" py="lg" px="sm">
        <Skeleton h={420} radius="lg" />
      </Container>
    );
  if (po.error)
    return (
      <Container size="sm" py="lg" px="sm">
        <Alert color="red" title="This PO cannot be opened" data-testid="po-link-error">
          {po.error.message}
        </Alert>
      </Container>
    );

  const p = po.data;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: p.currency as Currency });
  return (
    <Container size="sm" py="lg" px="sm">
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} data-testid="public-po">
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Purchase order from {p.company}
            </Text>
            <Group justify="space-between" wrap="wrap">
              <Title order={1} fz="h2">
                {p.poNumber ?? 'PO'}
              </Title>
              <Badge variant="light" size="lg">
                {ASSIGNMENT_STATUS_LABELS[p.status]}
              </Badge>
            </Group>
            <Text size="sm">
              To {p.vendorName}
              {p.poDate ? ` · dated ${formatDate(p.poDate)}` : ''}
            </Text>
          </Stack>

          <Paper bg="gray.0" p="sm" radius="md">
            <Text fw={600}>{p.event.name}</Text>
            <Text size="sm">
              {p.event.endDate && p.event.endDate !== p.event.startDate
                ? formatDateRange(p.event.startDate, p.event.endDate)
                : formatDate(p.event.startDate)}
            </Text>
            <Text size="sm">{[p.event.venue, p.event.city].filter(Boolean).join(', ')}</Text>
            {p.arrivalExpectedAt && <Text size="sm">Arrive by {formatDateTime(p.arrivalExpectedAt)}</Text>}
          </Paper>

          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase">
              Scope
            </Text>
            <Text size="sm">{p.scope}</Text>
          </Stack>

          <Stack gap={0}>
            {p.lines.map((l, i) => (
              <Group
                // biome-ignore lint/suspicious/noArrayIndexKey: PO lines are fixed and ordered
                key={i}
                justify="space-between"
                wrap="nowrap"
                py={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Stack gap={0}>
                  <Text size="sm">{l.description}</Text>
                  <Text size="xs" c="dimmed">
                    {l.quantity} × {money(l.unitMinor)}
                  </Text>
                </Stack>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {money(l.quantity * l.unitMinor)}
                </Text>
              </Group>
            ))}
          </Stack>

          <SimpleGrid cols={3} data-testid="public-po-money">
            <Figure label="PO total" fw={700}>
              {money(p.amountMinor)}
            </Figure>
            <Figure label="Paid" testId="public-po-paid" fw={700}>
              {money(p.paidMinor)}
            </Figure>
            <Figure label="Due" testId="public-po-due" fw={700}>
              {money(p.dueMinor)}
            </Figure>
          </SimpleGrid>

          {p.schedule.length > 0 && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase">
                Payment schedule
              </Text>
              {p.schedule.map((s) => (
                <Group key={`${s.label}${s.dueDate}`} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {s.label} · due {formatDate(s.dueDate)}
                  </Text>
                  <Text size="sm">
                    {money(s.amountMinor)}
                    {s.paidMinor >= s.amountMinor ? ' · paid' : s.paidMinor > 0 ? ` · ${money(s.paidMinor)} paid` : ''}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}

          {p.payments.length > 0 && (
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase">
                Payments made to you
              </Text>
              {p.payments.map((x) => (
                <Group key={`${x.paidOn}${x.amountMinor}${x.reference}`} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {formatDate(x.paidOn)} · {PAYMENT_MODE_LABELS[x.mode as PaymentMode] ?? x.mode}
                    {x.reference ? ` · ${x.reference}` : ''}
                  </Text>
                  <Text size="sm" ta="right">
                    {money(x.amountMinor)}
                    {x.tdsMinor > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (TDS {money(x.tdsMinor)}, sent {money(x.netMinor)})
                      </Text>
                    )}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}

          {p.terms && (
            <Text size="xs" c="dimmed">
              Terms: {p.terms}
            </Text>
          )}

          <Button
            component="a"
            href={paths.public.po[':token'].pdf.$path({ param: { token } })}
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download PDF
          </Button>

          <Divider />
          {p.acceptedAt ? (
            <Alert color="green" icon={<IconCircleCheck />} title="Accepted" data-testid="po-accepted">
              {p.acceptedName} accepted this PO on {formatDateTime(p.acceptedAt)}.
            </Alert>
          ) : p.canAccept ? (
            <AcceptPoForm accept={accept.mutateAsync} />
          ) : (
            <Text size="sm" c="dimmed">
              This PO is {ASSIGNMENT_STATUS_LABELS[p.status].toLowerCase()}: there is nothing to accept.
            </Text>
          )}
          <Text size="xs" c="dimmed">
            This link works until {formatDate(p.expiresAt)}.
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
