import {
  type ColumnMapping,
  IMPORT_CHUNK_ROWS,
  type ImportLeadsResult,
  type ImportRowResult,
  ZImportLeadsResult,
} from '@mandap/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Sheet } from './parseSpreadsheet.ts';

export interface RunState {
  running: boolean;
  done: number;
  total: number;
  results: ImportRowResult[];
  counts: ImportLeadsResult['counts'] | null;
  error: string | null;
}

const IDLE: RunState = { running: false, done: 0, total: 0, results: [], counts: null, error: null };

/** Sends the sheet in chunks (dry run or commit), tracking progress for the bar. */
export function useImportRun() {
  const qc = useQueryClient();
  const [state, setState] = useState<RunState>(IDLE);

  async function run(fileName: string, sheet: Sheet, mapping: ColumnMapping, commit: boolean) {
    setState({ ...IDLE, running: true, total: sheet.rows.length });
    const results: ImportRowResult[] = [];
    const counts = { ok: 0, created: 0, error: 0, duplicate: 0 };
    try {
      for (let i = 0; i < sheet.rows.length; i += IMPORT_CHUNK_ROWS) {
        const rows = sheet.rows.slice(i, i + IMPORT_CHUNK_ROWS);
        const out = await api('/api/imports/leads', {
          method: 'POST',
          body: { fileName, firstLine: i + 2, mapping, rows, commit },
          schema: ZImportLeadsResult,
        });
        results.push(...out.results);
        for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += out.counts[k];
        setState((s) => ({
          ...s,
          done: Math.min(sheet.rows.length, i + rows.length),
          results: [...results],
          counts: { ...counts },
        }));
      }
      setState((s) => ({ ...s, running: false }));
    } catch (err) {
      setState((s) => ({ ...s, running: false, error: err instanceof Error ? err.message : String(err) }));
    } finally {
      if (commit) void qc.invalidateQueries({ queryKey: ['leads'] });
    }
  }

  return { state, run, reset: () => setState(IDLE) };
}
