import type { PortalView } from '@mandap/shared/live';
import { formatMoney } from '@mandap/shared/money';
import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBrandWhatsapp,
  IconCheck,
  IconCircleDashed,
  IconCreditCard,
  IconDownload,
  IconFileText,
  IconMail,
  IconPhone,
} from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense } from 'react';
import { ApiError } from '../../api/errors.ts';
import { HOUSE_NAME } from '../../app/brand.ts';
import { formatDate, formatDateRange, humanize } from '../../lib/format.ts';
import { LinkRefused } from '../../ui/LinkRefused.tsx';
import { MilestoneStatusBadge } from '../finance/MilestoneStatusBadge.tsx';
import { usePortalView } from './portal.api.ts';
import { type LiveState, useLiveUpdates } from './useLiveUpdates.ts';

// The brief needs the editor and Yjs: loaded after the rest of the page is on screen.
const PortalBrief = lazy(() => import('./PortalBrief.tsx').then((m) => ({ default: m.PortalBrief })));

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" id={id} component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} fz="lg" mb="sm" id={`${id}-title`}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function LiveBadge({ state }: { state: LiveState }) {
  const look = {
    connecting: { color: 'gray', text: 'Connecting…' },
    live: { color: 'green', text: 'Live' },
    reconnecting: { color: 'yellow', text: 'Reconnecting…' },
    closed: { color: 'gray', text: 'Not live' },
  }[state];
  return (
    <Badge color={look.color} variant="dot" size="md" data-testid="live-state">
      {look.text}
    </Badge>
  );
}

const money = (m: { amountMinor: number; currency: PortalView['milestones'][number]['currency'] }) => formatMoney(m);

function Status({ view }: { view: PortalView }) {
  const active = view.timeline.findIndex((s) => s.current);
  return (
    <Stack gap="md">
      <Timeline active={active} bulletSize={22} lineWidth={2} color="maroon">
        {view.timeline.map((s) => (
          <Timeline.Item
            key={s.state}
            bullet={s.done || s.current ? <IconCheck size={12} /> : null}
            title={
              <Text fw={s.current ? 700 : 500} size="sm">
                {s.label}
              </Text>
            }
          >
            {s.at && (
              <Text size="xs" c="dimmed">
                {formatDate(s.at)}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {view.preparation.length > 0 && (
        <Stack gap={6} data-testid="preparation">
          <Text fw={600} size="sm">
            Preparation
          </Text>
          {view.preparation.map((p) => (
            <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={20}
                radius="xl"
                color={p.doneAt ? 'green' : 'gray'}
                variant={p.doneAt ? 'filled' : 'light'}
              >
                {p.doneAt ? <IconCheck size={12} /> : <IconCircleDashed size={12} />}
              </ThemeIcon>
              <div>
                <Text size="sm">{p.title}</Text>
                <Text size="xs" c="dimmed">
                  {p.doneAt ? `Done ${formatDate(p.doneAt)}` : p.dueDate ? `By ${formatDate(p.dueDate)}` : 'Coming up'}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Payments({ view }: { view: PortalView }) {
  if (view.milestones.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Your payment schedule appears here once you accept a quotation.
      </Text>
    );
  const payable = view.milestones.filter((m) => m.status !== 'waived');
  const currency = view.milestones[0]!.currency;
  const due = payable.reduce((a, m) => a + m.amountMinor, 0);
  const paid = payable.reduce((a, m) => a + m.paidMinor, 0);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Paid {money({ amountMinor: paid, currency })} of {money({ amountMinor: due, currency })}
      </Text>
      {view.milestones.map((m) => (
        <Paper key={m.id} withBorder radius="sm" p="sm" data-testid="portal-milestone">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">
                {m.label}
              </Text>
              <Text size="xs" c="dimmed">
                Due {formatDate(m.dueDate)}
                {m.paidMinor > 0 && m.status !== 'paid'
                  ? ` · paid ${money({ amountMinor: m.paidMinor, currency: m.currency })}`
                  : ''}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {money(m)}
              </Text>
              <MilestoneStatusBadge status={m.status} />
            </Stack>
          </Group>
          {m.payUrl && (
            <Button
              component="a"
              href={m.payUrl}
              target="_blank"
              rel="noopener noreferrer"
              fullWidth
              mt="sm"
              leftSection={<IconCreditCard size={16} />}
            >
              Pay {money({ amountMinor: m.amountMinor - m.paidMinor, currency: m.currency })}
            </Button>
          )}
        </Paper>
      ))}
      {(view.receipts.length > 0 || view.documents.length > 0) && (
        <Stack gap={6}>
          <Text fw={600} size="sm">
            Receipts and invoices
          </Text>
          {view.receipts.map((r) => (
            <Anchor key={r.id} href={r.url} target="_blank" size="sm">
              <IconDownload size={14} /> Receipt {r.code} · {formatDate(r.receivedOn)} · {money(r)}
            </Anchor>
          ))}
          {view.documents.map((d) => (
            <Anchor key={d.id} href={d.url} target="_blank" size="sm">
              <IconDownload size={14} /> {d.kind === 'invoice' ? 'Tax invoice' : 'Credit note'} {d.number} ·{' '}
              {formatDate(d.issuedOn)}
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Quotes({ view }: { view: PortalView }) {
  if (view.quotes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No quotation has been sent to you yet.
      </Text>
    );
  return (
    <Stack gap="sm">
      {view.quotes.map((q) => (
        <Paper key={q.id} withBorder radius="sm" p="sm" data-testid="portal-quote">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" truncate>
                {q.title}
              </Text>
              <Text size="xs" c="dimmed">
                {q.code} · version {q.version}
                {q.validUntil ? ` · valid until ${formatDate(q.validUntil)}` : ''}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                {money(q)}
              </Text>
              <Badge variant="light" size="sm">
                {humanize(q.status)}
              </Badge>
            </Stack>
          </Group>
          <Button component="a" href={q.url} variant="light" fullWidth mt="sm" leftSection={<IconFileText size={16} />}>
            {q.status === 'sent' || q.status === 'viewed' ? 'View and respond' : 'View'}
          </Button>
        </Paper>
      ))}
    </Stack>
  );
}

function Coordinator({ view }: { view: PortalView }) {
  const c = view.coordinator;
  if (!c)
    return (
      <Text size="sm" c="dimmed">
        Your coordinator will be named here soon. Until then, call {HOUSE_NAME}.
      </Text>
    );
  const digits = c.phone?.replace(/\D/g, '') ?? '';
  return (
    <Stack gap="xs">
      <Text fw={600}>{c.name}</Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        {c.phone && (
          <Button component="a" href={`tel:${c.phone}`} variant="light" leftSection={<IconPhone size={16} />}>
            Call
          </Button>
        )}
        {c.phone && (
          <Button
            component="a"
            href={`https://wa.me/${digits}`}
            target="_blank"
            rel="noopener noreferrer"
            variant="light"
            color="green"
            leftSection={<IconBrandWhatsapp size={16} />}
          >
            WhatsApp
          </Button>
        )}
        {c.email && (
          <Button component="a" href={`mailto:${c.email}`} variant="light" leftSection={<IconMail size={16} />}>
            Email
          </Button>
        )}
      </SimpleGrid>
    </Stack>
  );
}

/** Why a link does not open, in the server's words; the page says nothing else about the event. */
function Refused({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : 0;
  const title =
    status === 410
      ? 'This link no longer works'
      : status === 403 || status === 404
        ? 'This link is not valid'
        : 'We could not open your page';
  return (
    <LinkRefused tone={status === 0 || status >= 500 ? 'yellow' : 'red'} title={title} testId="portal-refused">
      {error.message}
    </LinkRefused>
  );
}

/** The client's live event page, phone-first, for a page token (a shared link or a signed-in session). */
export function EventPortal({ token }: { token: string }) {
  const view = usePortalView(token);
  const live = useLiveUpdates(token, view.data?.lastEventId ?? null, (label) =>
    notifications.show({ message: label, color: 'maroon', autoClose: 4000, position: 'bottom-center' }),
  );
  if (view.isError && !view.data) return <Refused error={view.error} />;
  if (view.isError && view.error instanceof ApiError && [403, 404, 410].includes(view.error.status))
    return <Refused error={view.error} />;
  if (!view.data)
    return (
      <Container size="sm" px="sm" py="md">
        <Stack>
          <Skeleton h={90} />
          <Skeleton h={220} />
          <Skeleton h={160} />
        </Stack>
      </Container>
    );
  const v = view.data;
  return (
    <Container size="sm" px="sm" py="md">
      <Stack gap="md">
        <Stack gap={4} component="header">
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {HOUSE_NAME}
            </Text>
            <LiveBadge state={live} />
          </Group>
          <Title order={1} fz={24} lh={1.2}>
            {v.event.name}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDateRange(v.event.startDate, v.event.endDate)} · {v.event.venue ? `${v.event.venue}, ` : ''}
            {v.event.city}
            {v.event.guestCount ? ` · ${v.event.guestCount} guests` : ''}
          </Text>
          <Group gap="xs">
            <Badge variant="light">{humanize(v.event.eventType)}</Badge>
            <Text size="xs" c="dimmed">
              {v.event.code}
            </Text>
            {view.isFetching && <Loader size={12} />}
          </Group>
        </Stack>
        <Section id="status" title="Where things stand">
          <Status view={v} />
        </Section>
        <Section id="payments" title="Payments">
          <Payments view={v} />
        </Section>
        <Section id="quotes" title="Quotations">
          <Quotes view={v} />
        </Section>
        <Section id="coordinator" title="Your coordinator">
          <Coordinator view={v} />
        </Section>
        {v.brief && (
          <Section id="brief" title="Your event brief">
            <Suspense fallback={<Skeleton h={120} />}>
              <PortalBrief docName={v.brief.docName} token={v.brief.token} />
            </Suspense>
          </Section>
        )}
        <Text size="xs" c="dimmed" ta="center">
          This page updates by itself. Link valid until {formatDate(v.linkExpiresAt)}.
        </Text>
      </Stack>
    </Container>
  );
}
