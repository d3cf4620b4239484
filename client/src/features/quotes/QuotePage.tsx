import { hasPermission } from '@mandap/shared/access';
import { formatMoney } from '@mandap/shared/money';
import { Anchor, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandWhatsapp, IconCopyPlus, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useMe } from '../auth/useSession.ts';
import { QuoteEditor } from './QuoteEditor.tsx';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { type ShareLink, useNextVersion, useQuote, useShareLink } from './quotes.api.ts';
import { ShareModal } from './ShareModal.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

export function QuotePage() {
  const { id = '' } = useParams();
  const quote = useQuote(id);
  const next = useNextVersion(id);
  const shareLink = useShareLink(id);
  const [share, setShare] = useState<ShareLink | null>(null);
  const [pdfBusy, setPdfBusy] = useState(false);
  const canWrite = hasPermission(useMe().role, 'quotes:write');

  if (quote.isPending) return <Skeleton h={480} radius="lg" />;
  if (quote.isError) return <QueryError error={quote.error} onRetry={() => quote.refetch()} />;
  const d = quote.data;
  const v = d.current;

  const downloadPdf = async () => {
    setPdfBusy(true);
    try {
      const { downloadQuotePdf } = await import('./pdf.ts');
      await downloadQuotePdf({ code: d.quote.code, clientName: d.quote.clientName, company: d.company, version: v });
    } catch (e) {
      notifications.show({ color: 'red', title: 'PDF failed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setPdfBusy(false);
    }
  };
  const newVersion = async () => {
    try {
      await next.mutateAsync(null);
    } catch (e) {
      notifications.show({
        color: 'red',
        title: 'Could not open a new version',
        message: String((e as Error).message),
      });
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/quotes" size="sm">
        ← All quotes
      </Anchor>
      <PageHeader
        title={`${d.quote.code} · v${v.version}`}
        description={
          <Group gap="xs" component="span">
            <QuoteStatusBadge status={v.status} changeOrder={v.isChangeOrder} />
            <Text span size="sm">
              {d.quote.title} · {d.quote.clientName ?? 'No client yet'}
              {v.status !== 'draft' &&
                ` · ${formatMoney({ amountMinor: v.totals.totalMinor, currency: d.quote.currency })}`}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              loading={pdfBusy}
              onClick={downloadPdf}
            >
              Download PDF
            </Button>
            {canWrite && v.status !== 'draft' && (
              <Button
                variant="light"
                color="green"
                leftSection={<IconBrandWhatsapp size={16} />}
                loading={shareLink.isPending}
                onClick={async () => setShare(await shareLink.mutateAsync(v.version))}
              >
                Share
              </Button>
            )}
            {canWrite && v.status !== 'draft' && (
              <Button leftSection={<IconCopyPlus size={16} />} loading={next.isPending} onClick={newVersion}>
                {v.status === 'accepted' ? 'Change order' : 'New version'}
              </Button>
            )}
          </Group>
        }
      />
      <Tabs defaultValue="builder" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="builder">Quote</Tabs.Tab>
          <Tabs.Tab value="versions">Versions ({d.versions.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="builder">
          <QuoteEditor key={v.id} detail={d} onShare={setShare} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel detail={d} />
        </Tabs.Panel>
      </Tabs>
      <ShareModal share={share} onClose={() => setShare(null)} />
    </Stack>
  );
}
