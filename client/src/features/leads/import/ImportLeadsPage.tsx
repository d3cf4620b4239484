import {
  type ColumnMapping,
  guessColumnMapping,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
} from '@mandap/shared';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { parseSpreadsheet, type Sheet } from './parseSpreadsheet.ts';
import { type RunState, useImportRun } from './useImportRun.ts';

function Counts({ state }: { state: RunState }) {
  if (!state.counts) return null;
  const c = state.counts;
  return (
    <Group gap="xs">
      {c.ok > 0 && <Badge color="teal">{formatCount(c.ok)} ready</Badge>}
      {c.created > 0 && <Badge color="green">{formatCount(c.created)} created</Badge>}
      <Badge color="red">{formatCount(c.error)} with errors</Badge>
      <Badge color="orange">{formatCount(c.duplicate)} duplicates</Badge>
    </Group>
  );
}

function Problems({ state }: { state: RunState }) {
  const bad = state.results.filter((r) => r.status === 'error' || r.status === 'duplicate');
  if (bad.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={360}>
      <Table striped fz="sm" aria-label="Rows that will not be imported">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>Line</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bad.slice(0, 500).map((r) => (
            <Table.Tr key={r.line}>
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>
                {r.status === 'duplicate'
                  ? `Duplicate of ${r.duplicateOf}: skipped`
                  : r.errors
                      .map((e) => `${IMPORT_FIELD_LABELS[e.field as ImportField] ?? e.field}: ${e.message}`)
                      .join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {bad.length > 500 && (
        <Text size="xs" c="dimmed">
          …and {bad.length - 500} more.
        </Text>
      )}
    </ScrollArea.Autosize>
  );
}

/** Import wizard: upload → map columns → dry run with per-row errors → import the good rows. */
export function ImportLeadsPage() {
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [readError, setReadError] = useState<string | null>(null);
  const dry = useImportRun();
  const commit = useImportRun();

  async function onFile(f: File | null) {
    setFile(f);
    setReadError(null);
    dry.reset();
    commit.reset();
    if (!f) return;
    try {
      const s = await parseSpreadsheet(f);
      if (s.rows.length === 0) throw new Error('The file has a header row but no data rows.');
      setSheet(s);
      setMapping(guessColumnMapping(s.headers));
      setStep(1);
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
    }
  }

  const headerOptions = sheet?.headers.map((h, i) => ({ value: String(i), label: h || `Column ${i + 1}` })) ?? [];
  const mappingOk = mapping.name !== undefined && (mapping.phone !== undefined || mapping.email !== undefined);
  const progress = (s: RunState) => (s.total ? Math.round((s.done / s.total) * 100) : 0);

  return (
    <Stack gap="md">
      <PageHeader
        title="Import leads"
        description="Bring in your existing spreadsheets (.csv or .xlsx). Nothing is saved until you press Import."
        actions={
          <Button component={Link} to="/leads" variant="default">
            Back to leads
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
          <Stepper.Step label="Upload" description="CSV or Excel">
            <Stack mt="md">
              <FileInput
                label="Spreadsheet"
                placeholder="Choose a .csv or .xlsx file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={16} />}
                value={file}
                onChange={onFile}
                clearable
              />
              {readError && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />}>
                  {readError}
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                The first row must hold the column names. Dates as dd/mm/yyyy; amounts like 5,00,000 or 5 lakh.
              </Text>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Map columns" description="Which column is what">
            {sheet && (
              <Stack mt="md">
                <Text size="sm">
                  {formatCount(sheet.rows.length)} rows in <b>{file?.name}</b>. We matched the columns we recognised;
                  check them.
                </Text>
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
                {!mappingOk && (
                  <Alert color="orange" variant="light">
                    Map a column to Name, and one to Phone or Email.
                  </Alert>
                )}
                <Group justify="flex-end">
                  <Button
                    disabled={!mappingOk}
                    onClick={() => {
                      setStep(2);
                      void dry.run(file!.name, sheet, mapping, false);
                    }}
                  >
                    Check rows (dry run)
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Preview" description="Dry run, nothing saved">
            <Stack mt="md">
              {dry.state.running && <Progress value={progress(dry.state)} animated aria-label="Dry run progress" />}
              {dry.state.error && <Alert color="red">{dry.state.error}</Alert>}
              <Counts state={dry.state} />
              <Problems state={dry.state} />
              {!dry.state.running && dry.state.counts && (
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setStep(1)}>
                    Change mapping
                  </Button>
                  <Button
                    disabled={dry.state.counts.ok === 0}
                    onClick={() => {
                      setStep(3);
                      void commit.run(file!.name, sheet!, mapping, true);
                    }}
                  >
                    Import {formatCount(dry.state.counts.ok)} good rows
                  </Button>
                </Group>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Import" description="Good rows only">
            <Stack mt="md">
              <Progress value={progress(commit.state)} animated={commit.state.running} aria-label="Import progress" />
              <Text size="sm">
                {formatCount(commit.state.done)} of {formatCount(commit.state.total)} rows processed
              </Text>
              {commit.state.error && <Alert color="red">{commit.state.error}</Alert>}
              <Counts state={commit.state} />
              {!commit.state.running && commit.state.counts && (
                <Alert color="teal" icon={<IconCheck size={18} />} title="Import finished">
                  {formatCount(commit.state.counts.created)} leads created. Rows with errors or duplicates were skipped;
                  fix them in the sheet and import it again — rows already imported are recognised and not duplicated.
                </Alert>
              )}
              <Problems state={commit.state} />
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Stack>
  );
}
