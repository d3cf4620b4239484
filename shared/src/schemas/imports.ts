import { z } from 'zod';
import { IMPORT_FIELDS } from '../leads/import-mapping.ts';

/** Most rows in one import request; the client sends bigger files in chunks (which also drives its progress bar). */
export const IMPORT_CHUNK_ROWS = 2000;

export const ZImportLeads = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The spreadsheet line number of rows[0] (the header is line 1). */
  firstLine: z.number().int().min(2),
  mapping: z
    .partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500))
    .refine((m) => m.name !== undefined, { error: 'map a column to Name' })
    .refine((m) => m.phone !== undefined || m.email !== undefined, { error: 'map a column to Phone or Email' }),
  rows: z
    .array(z.array(z.string().max(4000)).max(500))
    .min(1, { error: 'no rows to import' })
    .max(IMPORT_CHUNK_ROWS, { error: `send at most ${IMPORT_CHUNK_ROWS} rows per request` }),
  /** false: a dry run that writes nothing. true: create the good rows. */
  commit: z.boolean(),
});
export type ImportLeads = z.infer<typeof ZImportLeads>;

export const ZImportRowResult = z.object({
  line: z.number().int(),
  status: z.enum(['ok', 'created', 'error', 'duplicate']),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** For duplicates: the existing lead's code, or "line N" for an earlier row of this file. */
  duplicateOf: z.string().nullable(),
  leadCode: z.string().nullable(),
});
export type ImportRowResult = z.infer<typeof ZImportRowResult>;

export const ZImportLeadsResult = z.object({
  results: z.array(ZImportRowResult),
  counts: z.object({ ok: z.number(), created: z.number(), error: z.number(), duplicate: z.number() }),
});
export type ImportLeadsResult = z.infer<typeof ZImportLeadsResult>;
