import { hasPermission } from '@mandap/shared/access';
import { type Currency, convertMoney, formatMoney, invertRate } from '@mandap/shared/money';
import { type CatalogueItem, type QuoteDetail, type QuoteDraft, ZQuoteDraft } from '@mandap/shared/quotes';
import { Alert, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconSend } from '@tabler/icons-react';
import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { useMe } from '../auth/useSession.ts';
import { CataloguePicker } from './CataloguePicker.tsx';
import { blankLine, draftFromVersion, liveTotals } from './draft.ts';
import { QuoteDetailsForm } from './QuoteDetailsForm.tsx';
import { QuoteLinesEditor } from './QuoteLinesEditor.tsx';
import { QuoteTotalsPanel } from './QuoteTotalsPanel.tsx';
import type { QuoteForm } from './quoteForm.ts';
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
  const save = useSaveDraft(detail.quote.id);
  const send = useSendQuote(detail.quote.id);
  return (
    <QuoteBuilder
      detail={detail}
      canWrite={canWrite}
      saveDraft={(draft) => save.mutateAsync(draft)}
      send={async () => (await send.mutateAsync()).share}
      onShare={onShare}
    />
  );
}

/**
 * The quote builder's form, checked by the shared `ZQuoteDraft` as the server checks a save:
 * `saveDraft` gets the parsed draft, `send` freezes the saved version (after saving unsaved
 * changes). Each problem shows under its field, a line's under the line.
 */
export function QuoteBuilder({
  detail,
  canWrite,
  saveDraft,
  send,
  onShare,
}: {
  detail: QuoteDetail;
  canWrite: boolean;
  saveDraft: (draft: QuoteDraft) => Promise<unknown>;
  send: () => Promise<ShareLink>;
  onShare: (share: ShareLink) => void;
}) {
  const readOnly = detail.current.status !== 'draft' || !canWrite;
  const form = useZodForm(ZQuoteDraft, draftFromVersion(detail.current)) as QuoteForm;
  const lineRows = useFieldArray({ control: form.control, name: 'lines' });
  const { isDirty, errors } = form.formState;
  const draft = form.watch();
  const currency = (draft.currency ?? 'INR') as Currency;
  const live = liveTotals(draft, detail.company);
  const count = lineRows.fields.length;
  const linesError = fieldError(errors.lines?.message ?? errors.lines?.root?.message);

  const addLine = (over = {}) =>
    lineRows.append(blankLine(over), { shouldFocus: true, focusName: `lines.${count}.description` });

  // Save and send are one submit: one at a time, a refusal under its fields and in the banner.
  const intent = useRef<'save' | 'send'>('save');
  const { onSubmit, error, submitting } = useSubmit(form, async (checked) => {
    const what = intent.current;
    if (what === 'save' || form.formState.isDirty) {
      // What was typed when the save went: changes typed while it is on its way stay unsaved.
      const typed = structuredClone(form.getValues());
      await saveDraft(checked);
      // Saved is the new baseline; the values (and the lines' rows, with the focus) stay as they are.
      form.reset(typed, { keepValues: true, keepFieldsRef: true, keepTouched: true });
      notifications.show({ color: 'green', message: 'Draft saved' });
    }
    if (what === 'send') onShare(await send());
  });
  const submit = (what: 'save' | 'send') => {
    if (submitting) return;
    intent.current = what;
    return onSubmit();
  };
  const busy = submitting ? intent.current : null;
  useHotkeys([['mod+S', () => !readOnly && submit('save')]], []);

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
            <QuoteDetailsForm form={form} readOnly={readOnly} />
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
          <Text fw={700}>Lines ({count})</Text>
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
        {count === 0 ? (
          <Text c="dimmed" size="sm">
            No lines yet: pick from the catalogue or add one. Enter on the last line’s discount or tax class adds the
            next.
          </Text>
        ) : (
          <QuoteLinesEditor
            form={form}
            keys={lineRows.fields.map((f) => f.id)}
            totals={live.totals?.lines ?? null}
            currency={currency}
            readOnly={readOnly}
            onRemove={lineRows.remove}
            onAddLine={() => addLine()}
          />
        )}
        {linesError && (
          <Text c="red" size="sm" mt="xs" role="alert">
            {linesError}
          </Text>
        )}
      </Paper>
      {!readOnly && (
        <Paper withBorder shadow="sm" p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 5 }}>
          <Stack gap="xs">
            <FormError message={error} />
            <Group justify="space-between" gap="sm">
              <Stack gap={0}>
                <Text fw={700}>
                  {live.totals ? formatMoney({ amountMinor: live.totals.totalMinor, currency }) : '—'}
                </Text>
                <Text size="xs" c="dimmed">
                  {isDirty ? 'Unsaved changes · Ctrl+S saves' : 'All changes saved'} · sending freezes this version
                </Text>
              </Stack>
              <Group gap="xs">
                <Button
                  variant="default"
                  leftSection={<IconDeviceFloppy size={16} />}
                  loading={busy === 'save'}
                  disabled={!isDirty || busy === 'send'}
                  onClick={() => submit('save')}
                >
                  Save draft
                </Button>
                <Button
                  leftSection={<IconSend size={16} />}
                  loading={busy === 'send'}
                  disabled={count === 0 || !live.totals || busy === 'save'}
                  onClick={() => submit('send')}
                >
                  Send v{detail.current.version}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
