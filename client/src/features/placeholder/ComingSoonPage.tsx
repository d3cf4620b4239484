import { Badge, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader.tsx';

export type PlannedArea = 'vendors' | 'finance' | 'inbox' | 'reports' | 'settings';

const PLANS: Record<PlannedArea, { title: string; summary: string; items: string[] }> = {
  vendors: {
    title: 'Vendors',
    summary: 'The directory of decorators, caterers, photographers, DJs and other partners you book for events.',
    items: [
      'Vendor profiles with categories, rates and contact people',
      'Which events each vendor is booked on, and their tasks there',
      'Purchase orders and vendor payouts',
    ],
  },
  finance: {
    title: 'Finance',
    summary: 'Money in and out for every event, in rupees with GST.',
    items: [
      'Quotes and invoices with GST',
      'Client payment schedules: advance, milestones, final payment',
      'Recording payments and tracking what is outstanding',
    ],
  },
  inbox: {
    title: 'Inbox',
    summary: 'One place for the messages about your events and leads.',
    items: [
      'Conversations with clients and vendors, grouped by event',
      'Mentions and replies from your team',
      'Notifications for new leads and payments',
    ],
  },
  reports: {
    title: 'Reports',
    summary: 'How the business is doing, month by month.',
    items: [
      'Lead sources and conversion through the pipeline',
      'Bookings and revenue by month and event type',
      'Outstanding payments and vendor costs per event',
    ],
  },
  settings: {
    title: 'Settings',
    summary: 'How the Gulmohar Events workspace is set up.',
    items: [
      'Company details, GSTIN and invoice numbering',
      'Lead sources, event types and pipeline stages',
      'Integrations: email, WhatsApp and lead portals',
    ],
  },
};

export function ComingSoonPage({ area }: { area: PlannedArea }) {
  const plan = PLANS[area];
  return (
    <Stack maw={760}>
      <PageHeader
        title={plan.title}
        actions={
          <Badge color="marigold" variant="light" size="lg">
            Coming soon
          </Badge>
        }
      />
      <Paper withBorder p="xl">
        <Stack gap="md">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light" color="marigold">
              <IconTools size={24} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>This area is not built yet.</Text>
              <Text c="dimmed" size="sm">
                {plan.summary}
              </Text>
            </Stack>
          </Group>
          <div>
            <Text size="sm" fw={600} mb={6}>
              What will live here
            </Text>
            <List size="sm" spacing={6}>
              {plan.items.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
          <Text size="xs" c="dimmed">
            Nothing on this page works yet, and no data is kept here. Until it ships, keep using your current process.
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
