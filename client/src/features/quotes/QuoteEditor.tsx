import { hasPermission } from '@mandap/shared/access';
import { type Currency, convertMoney, formatMoney, invertRate } from '@mandap/shared/money';
import type { CatalogueItem, QuoteDetail, QuoteDraftInput } from '@mandap/shared/quotes';
import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { useMe } from '../auth/useSession.ts';
import { CataloguePicker } from './CataloguePicker.tsx';
import { blankLine, draftFromVersion, liveTotals } from './draft.ts';
import { QuoteDetailsForm } from './QuoteDetailsForm.tsx';
import { QuoteLinesEditor } from './QuoteLinesEditor.tsx';
import { QuoteTotalsPanel } from './QuoteTotalsPanel.tsx';
import { type ShareLink, useSaveDraft, useSendQuote } from './quotes.api.ts';

/** The catalogue's INR rate in the quote's currency, through the version's FX snapshot. */
function catalogueRate(item: CatalogueItem, currency: Currency, detail: QuoteDetail): number {
  const fx = detail.current.fx;
  if (currency === 'INR') return item.rateMinor;
  if (!fx || fx.base !== currency) return 0;
  const inverse = {
    base: 'INR' as const,
    quote: currency,
    rate: invertRate(fx.rate, 8),
    source: fx.source,
    asOf: fx.asOf,
  };
  return convertMoney({ amountMinor: item.rateMinor, currency: 'INR' }, inverse, currency).amountMinor;
}

/**
 * The builder for the current version. A draft is editable, with totals recomputed live by
 * the same rules the server prices with; a sent or accepted version is shown read-only.
 */
export function QuoteEditor({ detail, onShare }: { detail: QuoteDetail; onShare: (share: ShareLink) => void }) {
  const canWrite = hasPermission(useMe().role, 'quotes:write');
  const readOnly = detail.current.status !== 'draft' || !canWrite;
  const [draft, setDraft] = useState<QuoteDraftInput>(() => draftFromVersion(detail.current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const save = useSaveDraft(detail.quote.id);
  const send = useSendQuote(detail.quote.id);
  const currency = (draft.currency ?? 'INR') as Currency;
  const live = useMemo(() => liveTotals(draft, detail.company), [draft, detail.company]);
  const lines = draft.lines ?? [];

  const change = (patch: Partial<QuoteDraftInput>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's server error goes once the field is changed.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
    setDirty(true);
  };
  const addLine = (over = {}) => {
    change({ lines: [...lines, blankLine(over)] });
    // Focus the new line's description once it renders.
    setTimeout(() => document.querySelector<HTMLInputElement>(`[data-autofocus-line="${lines.length}"]`)?.focus(), 0);
  };
  const fail = (e: unknown, what: string) => {
    if (e instanceof ApiError) setErrors(e.fields ?? {});
    notifications.show({
      color: 'red',
      title: `Could not ${what}`,
      message: e instanceof Error ? e.message : String(e),
    });
  };
  const saveDraft = async () => {
    try {
      await save.mutateAsync(draft);
      setErrors({});
      setDirty(false);
      notifications.show({ color: 'green', message: 'Draft saved' });
      return true;
    } catch (e) {
      fail(e, 'save the draft');
      return false;
    }
  };
  const sendNow = async () => {
    if (dirty && !(await saveDraft())) return;
    try {
      const sent = await send.mutateAsync();
      onShare(sent.share);
    } catch (e) {
      fail(e, 'send the quote');
    }
  };
  useHotkeys([['mod+S', () => !readOnly && saveDraft()]], []);

  return (
    <Stack gap="md">
      {readOnly && canWrite && (
        <Alert color="blue" title={`v${detail.current.version} is ${detail.current.status}: frozen`}>
          A sent version never changes. Use “{detail.current.status === 'accepted' ? 'Change order' : 'New version'}” to
          revise it
          {detail.current.status === 'accepted' ? ': the accepted version stays as the client signed it.' : '.'}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <QuoteDetailsForm draft={draft} readOnly={readOnly} errors={errors} onChange={change} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <QuoteTotalsPanel
            totals={live.totals}
            error={live.error}
            currency={currency}
            fx={detail.current.fx}
            totalInrMinor={detail.current.totalInrMinor}
          />
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>Lines ({lines.length})</Text>
          {!readOnly && (
            <Group gap="xs">
              <CataloguePicker
                onPick={(item) =>
                  addLine({
                    category: item.category,
                    description: item.name,
                    unit: item.unit,
                    rateMinor: catalogueRate(item, currency, detail),
                    taxClass: item.taxClass,
                    sac: item.sac,
                  })
                }
              />
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => addLine()}>
                Add line
              </Button>
            </Group>
          )}
        </Group>
        {lines.length === 0 ? (
          <Text c="dimmed" size="sm">
            No lines yet: pick from the catalogue or add one. Enter on the last line’s discount or tax class adds the
            next.
          </Text>
        ) : (
          <QuoteLinesEditor
            lines={lines}
            totals={live.totals?.lines ?? null}
            currency={currency}
            readOnly={readOnly}
            onChange={(l) => change({ lines: l })}
            onAddLine={() => addLine()}
          />
        )}
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('lines'))
          .map(([k, v]) => (
            <Text key={k} c="red" size="sm" mt="xs">
              {k}: {v}
            </Text>
          ))}
      </Paper>
      {!readOnly && (
        <Paper withBorder shadow="sm" p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 5 }}>
          <Group justify="space-between" gap="sm">
            <Stack gap={0}>
              <Text fw={700}>{live.totals ? formatMoney({ amountMinor: live.totals.totalMinor, currency }) : '—'}</Text>
              <Text size="xs" c="dimmed">
                {dirty ? 'Unsaved changes · Ctrl+S saves' : 'All changes saved'} · sending freezes this version
              </Text>
            </Stack>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={save.isPending}
                disabled={!dirty}
                onClick={saveDraft}
              >
                Save draft
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                loading={send.isPending}
                disabled={lines.length === 0 || !live.totals}
                onClick={sendNow}
              >
                Send v{detail.current.version}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
