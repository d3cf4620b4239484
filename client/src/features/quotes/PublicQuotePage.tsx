import { formatMoney } from '@mandap/shared/money';
import { describePaymentTerm, type PublicQuoteView, QUOTE_CATEGORIES, TAX_CLASSES } from '@mandap/shared/quotes';
import { Alert, Button, Container, Divider, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { paths } from '../../api/paths.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { quantityLabel } from './draft.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { usePublicQuote, usePublicQuoteAction } from './quotes.api.ts';
import { RespondToQuote } from './RespondToQuote.tsx';

function Lines({ q }: { q: PublicQuoteView }) {
  const v = q.version;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: v.draft.currency });
  const byKey = new Map(v.totals.lines.map((t) => [t.key, t]));
  return (
    <Stack gap={0}>
      {v.lines.map((l) => {
        const t = byKey.get(l.key)!;
        const cls = TAX_CLASSES[l.taxClass];
        return (
          <Group
            key={l.key}
            justify="space-between"
            wrap="nowrap"
            py={8}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {l.description}
              </Text>
              <Text size="xs" c="dimmed">
                {QUOTE_CATEGORIES[l.category]} · {quantityLabel(l.quantity, l.unit)} × {money(l.rateMinor)} ·{' '}
                {cls.label}
              </Text>
            </Stack>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {money(t.taxableMinor)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function Totals({ q }: { q: PublicQuoteView }) {
  const t = q.version.totals;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: q.version.draft.currency });
  const rows: [string, number][] = [['Subtotal', t.subtotalMinor]];
  if (t.discountMinor) rows.push(['Discount', -t.discountMinor]);
  if (t.cgstMinor) rows.push(['CGST', t.cgstMinor], ['SGST', t.sgstMinor]);
  if (t.igstMinor) rows.push(['IGST', t.igstMinor]);
  return (
    <Stack gap={4}>
      {rows.map(([k, m]) => (
        <Group key={k} justify="space-between">
          <Text size="sm" c="dimmed">
            {k}
          </Text>
          <Text size="sm">{m < 0 ? `−${money(-m)}` : money(m)}</Text>
        </Group>
      ))}
      <Divider my={4} />
      <Group justify="space-between">
        <Text fw={700}>Total</Text>
        <Text fw={700} size="xl" data-testid="public-total">
          {money(t.totalMinor)}
        </Text>
      </Group>
    </Stack>
  );
}

/** The client's answer, sent through the quote's link; an accept or decline reloads the quote. */
function Respond({ token, q }: { token: string; q: PublicQuoteView }) {
  const { accept, requestChanges, decline } = usePublicQuoteAction(token);
  return (
    <RespondToQuote
      label={`${q.code} v${q.version.version}`}
      answers={{
        accept: accept.mutateAsync,
        decline: decline.mutateAsync,
        requestChanges: requestChanges.mutateAsync,
      }}
    />
  );
}

/** What a client opens from the WhatsApp link: the quote on a phone, with Accept and Request changes. */
export function PublicQuotePage() {
  const { token = '' } = useParams();
  const quote = usePublicQuote(token);
  return (
    <Container size="sm" py="lg" px="sm">
      {quote.isPending ? (
        <Skeleton h={420} radius="lg" />
      ) : quote.isError ? (
        <Alert color="red" title="This link does not open a quote">
          {quote.error.message}
        </Alert>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={0}>
              <Text fw={800} c="maroon.8" size="lg">
                {quote.data.company.legalName}
              </Text>
              <Text size="xs" c="dimmed">
                GSTIN {quote.data.company.gstin}
              </Text>
            </Stack>
            <QuoteStatusBadge status={quote.data.version.status} />
          </Group>
          <Stack gap={2}>
            <Title order={2} fz={22}>
              {quote.data.version.draft.title}
            </Title>
            <Text size="sm" c="dimmed">
              {quote.data.code} · version {quote.data.version.version}
              {quote.data.clientName ? ` · for ${quote.data.clientName}` : ''}
              {quote.data.version.draft.validUntil
                ? ` · valid until ${formatDate(quote.data.version.draft.validUntil)}`
                : ''}
            </Text>
          </Stack>
          <Paper withBorder p="md" radius="md">
            <Lines q={quote.data} />
            <Divider my="sm" />
            <Totals q={quote.data} />
          </Paper>
          {(quote.data.version.draft.paymentTerms?.length ?? 0) > 0 && (
            <Paper withBorder p="md" radius="md" data-testid="public-payment-terms">
              <Text fw={600} mb={4}>
                Payment terms
              </Text>
              {quote.data.version.draft.paymentTerms!.map((t) => (
                <Text size="sm" key={`${t.label}-${t.percent}-${t.anchor}-${t.days}`}>
                  {t.label}: {describePaymentTerm(t)}
                </Text>
              ))}
            </Paper>
          )}
          <Button
            component="a"
            href={paths.public.quotes[':token'].pdf.$path({ param: { token } })}
            target="_blank"
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download PDF
          </Button>
          {quote.data.canAccept ? (
            <Respond token={token} q={quote.data} />
          ) : (
            <Alert
              color={
                quote.data.version.status === 'accepted'
                  ? 'green'
                  : quote.data.version.status === 'rejected'
                    ? 'gray'
                    : 'orange'
              }
              icon={quote.data.version.status === 'accepted' ? <IconCircleCheck /> : undefined}
            >
              {quote.data.closedReason}
              {quote.data.version.acceptance &&
                ` Accepted by ${quote.data.version.acceptance.name} on ${formatDateTime(quote.data.version.acceptance.at)}.`}
            </Alert>
          )}
          <Text size="xs" c="dimmed" ta="center">
            This link works until {formatDate(quote.data.linkExpiresAt)}. Terms:{' '}
            {quote.data.version.draft.terms || quote.data.company.defaultTerms}
          </Text>
        </Stack>
      )}
    </Container>
  );
}
