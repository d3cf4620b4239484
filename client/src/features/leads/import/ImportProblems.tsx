import { IMPORT_FIELD_LABELS, type ImportField, type ImportRowView } from '@mandap/shared/leads';
import { Badge, Group, Pagination, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatCount } from '../../../lib/format.ts';
import { useImportRows } from './imports.api.ts';

const STATUS: Record<string, { color: string; label: string }> = {
  warning: { color: 'yellow', label: 'Kept, with a note' },
  error: { color: 'red', label: 'Not imported' },
  duplicate: { color: 'orange', label: 'Duplicate, skipped' },
  review: { color: 'grape', label: 'Possible duplicate' },
  skipped: { color: 'gray', label: 'Skipped' },
};

function describe(r: ImportRowView): string {
  const parts = r.issues.map(
    (i) => `${IMPORT_FIELD_LABELS[i.field as ImportField] ?? (i.field === 'row' ? 'Row' : i.field)}: ${i.message}`,
  );
  if (r.status === 'duplicate') parts.push(`duplicate of ${r.duplicateOf}`);
  if (r.status === 'review' && r.matchReason) parts.push(r.matchReason);
  return parts.join('; ');
}

/** Every row that is not plainly fine, by its line in the file, 100 at a time. */
export function ImportProblems({ batchId, total }: { batchId: string; total: number }) {
  const [page, setPage] = useState(1);
  const rows = useImportRows(batchId, (page - 1) * 100);
  if (total === 0) return null;
  return (
    <>
      <ScrollArea.Autosize mah={420}>
        <Table striped fz="sm" aria-label="Rows with notes or problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th w={170}>Outcome</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data?.rows.map((r) => (
              <Table.Tr key={r.line}>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS[r.status]?.color ?? 'gray'}>
                    {STATUS[r.status]?.label ?? r.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{describe(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {formatCount(rows.data?.total ?? total)} rows with notes or problems
        </Text>
        {(rows.data?.total ?? 0) > 100 && (
          <Pagination size="sm" value={page} onChange={setPage} total={Math.ceil((rows.data?.total ?? 0) / 100)} />
        )}
      </Group>
    </>
  );
}
