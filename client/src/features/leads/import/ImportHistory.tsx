import { Alert, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatCount, formatDateTime } from '../../../lib/format.ts';
import { downloadNotImported, useImportBatches, useUndoImport } from './imports.api.ts';

const STATUS = {
  checked: ['blue', 'Dry run only'],
  committed: ['green', 'Imported'],
  undone: ['gray', 'Undone'],
  staged: ['gray', 'Uploaded'],
} as const;

/** Every import of the last year: what it did, its not-imported rows, and Undo while its leads are untouched. */
export function ImportHistory() {
  const list = useImportBatches();
  const undo = useUndoImport();
  const [confirming, setConfirming] = useState<string | null>(null);
  const batches = list.data?.batches ?? [];
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={4} mb="sm">
        Recent imports
      </Title>
      {undo.error && (
        <Alert color="red" mb="sm">
          {undo.error.message}
        </Alert>
      )}
      {batches.length === 0 ? (
        <Text size="sm" c="dimmed">
          No imports yet.
        </Text>
      ) : (
        <Table fz="sm" aria-label="Recent imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th ta="right">Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  {b.fileName}
                  {b.sheet ? ` (${b.sheet})` : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(b.committedAt ?? b.createdAt)}</Table.Td>
                <Table.Td>{b.createdByName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS[b.status][0]}>
                    {STATUS[b.status][1]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatCount(b.rowCount)}</Table.Td>
                <Table.Td ta="right">{formatCount((b.counts?.created ?? 0) + (b.counts?.merged ?? 0))}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => downloadNotImported(b.id, b.fileName)}>
                      Not imported (CSV)
                    </Button>
                    {b.status === 'committed' && (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        loading={undo.isPending && undo.variables === b.id}
                        onClick={() => {
                          if (confirming !== b.id) return setConfirming(b.id);
                          setConfirming(null);
                          undo.mutate(b.id);
                        }}
                      >
                        {confirming === b.id ? `Remove its ${formatCount(b.counts?.created ?? 0)} leads?` : 'Undo'}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
