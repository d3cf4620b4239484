import {
  type ColumnMapping,
  type ImportBatchView,
  type ImportProgress,
  ZImportBatchView,
  ZImportStreamLine,
} from '@mandap/shared/leads';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/errors.ts';
import { call, edge } from '../../../api/rpc.ts';
import { authorisedFetch } from '../attachments.api.ts';

const imports = edge.imports;

/** Sends the whole file to the server, which stages it (optionally a named sheet of an .xlsx). */
export async function stageImportFile(file: File, sheet?: string | null): Promise<ImportBatchView> {
  const qs = new URLSearchParams({ fileName: file.name });
  if (sheet) qs.set('sheet', sheet);
  const res = await authorisedFetch(`${imports.files.$path()}?${qs}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  return ZImportBatchView.parse(await res.json());
}

/**
 * Posts to a streamed check or commit (`application/x-ndjson`; the paths come from `App`) and reads its lines as they come: each progress line is
 * handed to `onProgress` (n of N rows per phase); the last line is the batch, or the refusal.
 */
async function withProgress(
  path: string,
  body: unknown,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportBatchView> {
  const res = await authorisedFetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/x-ndjson' },
    body: JSON.stringify(body),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffered += value ?? '';
    const lines = buffered.split('\n');
    buffered = done ? '' : lines.pop()!;
    for (const raw of lines.filter((l) => l.trim())) {
      const line = ZImportStreamLine.parse(JSON.parse(raw));
      if ('progress' in line) onProgress(line.progress);
      else if ('batch' in line) return line.batch;
      else throw new ApiError(422, line.error.code, line.error.message, line.error.fields);
    }
    if (done)
      throw new ApiError(0, 'network_error', 'The server stopped answering before the end; check the import history.');
  }
}

export const checkImport = (id: string, mapping: ColumnMapping, onProgress: (p: ImportProgress) => void = () => {}) =>
  withProgress(imports[':id'].check.stream.$path({ param: { id } }), { mapping }, onProgress);

export const commitImport = (b: ImportBatchView, onProgress: (p: ImportProgress) => void = () => {}) =>
  withProgress(
    imports[':id'].commit.stream.$path({ param: { id: b.id } }),
    { mapping: b.mapping, expect: { create: b.counts?.toCreate ?? 0, merge: b.counts?.toMerge ?? 0 } },
    onProgress,
  );

export const decideImport = (id: string, decisions: { line: number; decision: 'merge' | 'keep_both' | 'skip' }[]) =>
  call(imports[':id'].decisions.$post({ param: { id }, json: { decisions } }));

export function useImportRows(id: string | null, offset: number) {
  return useQuery({
    queryKey: ['imports', id, 'rows', offset],
    queryFn: () =>
      call(
        imports[':id'].rows.$get({
          param: { id: id ?? '' },
          query: { status: 'problems', limit: '100', offset: String(offset) },
        }),
      ),
    enabled: !!id,
  });
}

export function useImportReview(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', id, 'review'],
    queryFn: () => call(imports[':id'].review.$get({ param: { id: id ?? '' }, query: {} })),
    enabled: !!id && enabled,
  });
}

export function useImportBatches() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => call(imports.$get()),
  });
}

export function useUndoImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(imports[':id'].undo.$post({ param: { id } })),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['imports'] });
      void qc.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}

/** Downloads the rows that did not come in (original cells plus a Reason column) as a CSV. */
export async function downloadNotImported(id: string, fileName: string) {
  const res = await authorisedFetch(imports[':id']['not-imported.csv'].$path({ param: { id } }));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileName.replace(/\.(csv|xlsx)$/i, '')} - not imported.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
