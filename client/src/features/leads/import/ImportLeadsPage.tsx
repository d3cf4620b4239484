import {
  type ColumnMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_PHASE_LABELS,
  type ImportBatchView,
  type ImportProgress,
} from '@mandap/shared/leads';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { ImportReview } from './ImportReview.tsx';
import { checkImport, commitImport, downloadNotImported, stageImportFile } from './imports.api.ts';

function Counts({ b }: { b: ImportBatchView }) {
  const c = b.counts;
  if (!c) return null;
  return (
    <Group gap="xs" aria-label="Import counts">
      {b.status === 'committed' ? (
        <>
          <Badge color="green">{formatCount(c.created)} created</Badge>
          {c.merged > 0 && <Badge color="grape">{formatCount(c.merged)} merged</Badge>}
        </>
      ) : (
        <>
          <Badge color="teal">{formatCount(c.toCreate)} to create</Badge>
          {c.toMerge > 0 && <Badge color="grape">{formatCount(c.toMerge)} to merge</Badge>}
        </>
      )}
      {c.warning > 0 && <Badge color="yellow">{formatCount(c.warning)} kept with a note</Badge>}
      <Badge color="orange">{formatCount(c.duplicate)} duplicates</Badge>
      {c.review > 0 && <Badge color="grape">{formatCount(c.review)} possible duplicates</Badge>}
      <Badge color="red">{formatCount(c.error)} not importable</Badge>
    </Group>
  );
}

/**
 * The bar while the server works: n of N rows in the current phase once the server reports them
 * (dry run and import stream their progress); a running bar before that (the upload, the first rows).
 */
function Working({ label, progress }: { label: string; progress: ImportProgress | null }) {
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  const step = progress
    ? `${IMPORT_PHASE_LABELS[progress.phase]}: ${formatCount(progress.done)} of ${formatCount(progress.total)} rows`
    : null;
  return (
    <Stack gap={4}>
      {pct === null ? (
        <Progress value={100} animated striped aria-label={label} />
      ) : (
        <Progress value={pct} aria-label={label} aria-valuetext={step ?? undefined} />
      )}
      <Text size="sm" c="dimmed" data-testid="import-progress">
        {label}
        {step ? ` ${step}.` : ''}
      </Text>
    </Stack>
  );
}

/**
 * Import wizard: the whole file goes to the server and is staged there; the mapping is
 * guessed (or remembered for this header layout); the dry run checks every row as one file;
 * possible duplicates are decided side by side; the import creates exactly what the dry run
 * said, in one go, and can be undone from Recent imports while its leads are untouched.
 */
export function ImportLeadsPage() {
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [batch, setBatch] = useState<ImportBatchView | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function work(label: string, f: () => Promise<void>) {
    setBusy(label);
    setProgress(null);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  const stage = (f: File, sheet?: string | null) =>
    work(`Reading ${f.name} on the server…`, async () => {
      const b = await stageImportFile(f, sheet);
      setBatch(b);
      setMapping((b.mapping ?? {}) as ColumnMapping);
      setStep(1);
    });

  function onFile(f: File | null) {
    setFile(f);
    setBatch(null);
    setError(null);
    if (f) void stage(f);
  }

  const headerOptions = batch?.headers.map((h, i) => ({ value: String(i), label: h })) ?? [];
  const mappingOk = mapping.name !== undefined || mapping.phone !== undefined || mapping.email !== undefined;
  const c = batch?.counts;

  return (
    <Stack gap="md">
      <PageHeader
        title="Import leads"
        description="Bring in your existing spreadsheets (.csv or .xlsx). Nothing is saved until you press Import, and an import can be undone."
        actions={
          <Button component={Link} to="/leads" variant="default">
            Back to leads
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <Stepper active={step} onStepClick={(s) => s < step && batch?.status !== 'committed' && setStep(s)} size="sm">
          <Stepper.Step label="Upload" description="CSV or Excel">
            <Stack mt="md">
              <FileInput
                label="Spreadsheet"
                placeholder="Choose a .csv or .xlsx file"
                accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={16} />}
                value={file}
                onChange={onFile}
                clearable
              />
              <Text size="sm" c="dimmed">
                The first filled row must hold the column names. Any encoding Excel saves (UTF-8, UTF-16, Windows) is
                read.
              </Text>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Map columns" description="Which column is what">
            {batch && (
              <Stack mt="md">
                <Text size="sm">
                  {formatCount(batch.rowCount)} rows in <b>{batch.fileName}</b>
                  {batch.blankLines > 0 && ` (${formatCount(batch.blankLines)} blank lines skipped)`}.{' '}
                  {batch.mappingSource === 'remembered'
                    ? 'These headers were imported before; the mapping used then is filled in.'
                    : 'We matched the columns we recognised; check them.'}
                </Text>
                {batch.sheets.length > 1 && (
                  <Select
                    label="Sheet"
                    data={batch.sheets}
                    value={batch.sheet}
                    allowDeselect={false}
                    onChange={(s) => s && file && void stage(file, s)}
                    w={280}
                  />
                )}
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                  {IMPORT_FIELDS.map((f) => (
                    <Select
                      key={f}
                      label={IMPORT_FIELD_LABELS[f]}
                      placeholder="Not in this file"
                      clearable
                      data={headerOptions}
                      value={mapping[f] === undefined ? null : String(mapping[f])}
                      onChange={(v) =>
                        setMapping((m) => {
                          const next = { ...m };
                          if (v === null) delete next[f];
                          else next[f] = Number(v);
                          return next;
                        })
                      }
                    />
                  ))}
                </SimpleGrid>
                {batch.preview.length > 0 && (
                  <Table.ScrollContainer minWidth={600}>
                    <Table fz="xs" withTableBorder aria-label="First rows of the file">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Line</Table.Th>
                          {batch.headers.map((h) => (
                            <Table.Th key={h}>{h}</Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {batch.preview.map((r) => (
                          <Table.Tr key={r.line}>
                            <Table.Td>{r.line}</Table.Td>
                            {batch.headers.map((h, i) => (
                              <Table.Td key={h}>{r.cells[i] ?? ''}</Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
                {!mappingOk && (
                  <Alert color="orange" variant="light">
                    Map a column to Name, Phone or Email.
                  </Alert>
                )}
                <Group justify="flex-end">
                  <Button
                    disabled={!mappingOk || !!busy}
                    onClick={() =>
                      work(`Checking all ${formatCount(batch.rowCount)} rows on the server…`, async () => {
                        setBatch(await checkImport(batch.id, mapping, setProgress));
                        await qc.invalidateQueries({ queryKey: ['imports', batch.id] });
                        setStep(2);
                      })
                    }
                  >
                    Check rows (dry run)
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Check" description="Dry run, nothing saved">
            {batch && c && (
              <Stack mt="md">
                <Counts b={batch} />
                <ImportReview batch={batch} onChange={setBatch} />
                <ImportProblems batchId={batch.id} total={c.warning + c.error + c.duplicate + c.review} />
                <Group justify="space-between">
                  <Button variant="subtle" onClick={() => downloadNotImported(batch.id, batch.fileName)}>
                    Download rows that will not come in (CSV)
                  </Button>
                  <Group>
                    <Button variant="default" onClick={() => setStep(1)}>
                      Change mapping
                    </Button>
                    <Button
                      disabled={!!busy || c.undecided > 0 || c.toCreate + c.toMerge === 0}
                      onClick={() =>
                        work(`Importing ${formatCount(c.toCreate + c.toMerge)} rows…`, async () => {
                          setBatch(await commitImport(batch, setProgress));
                          setStep(3);
                          await qc.invalidateQueries({ queryKey: ['leads'] });
                          await qc.invalidateQueries({ queryKey: ['imports'] });
                        })
                      }
                    >
                      {c.undecided > 0
                        ? `Decide ${formatCount(c.undecided)} possible duplicates first`
                        : `Import ${formatCount(c.toCreate)} new${c.toMerge ? ` and merge ${formatCount(c.toMerge)}` : ''}`}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Import" description="Exactly as checked">
            {batch && c && (
              <Stack mt="md">
                <Counts b={batch} />
                <Alert color="teal" icon={<IconCheck size={18} />} title="Import finished">
                  {formatCount(c.created)} leads created{c.merged ? `, ${formatCount(c.merged)} merged` : ''}. Rows that
                  did not come in are in the CSV below: fix them in Excel and import that file; rows already imported
                  are recognised. Undo is under Recent imports while nobody has worked on these leads.
                </Alert>
                <Group>
                  <Button variant="subtle" onClick={() => downloadNotImported(batch.id, batch.fileName)}>
                    Download rows that did not come in (CSV)
                  </Button>
                  <Button component={Link} to="/leads" variant="default">
                    See the leads
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
        </Stepper>
        {busy && <Working label={busy} progress={progress} />}
        {error && (
          <Alert mt="md" color="red" variant="light" icon={<IconAlertCircle size={18} />}>
            {error}
          </Alert>
        )}
      </Paper>
      <ImportHistory />
    </Stack>
  );
}
