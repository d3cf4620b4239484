import { z } from 'zod';
import { IMPORT_FIELDS } from './import-mapping.ts';

/** Largest spreadsheet the server stages (about 150,000 typical rows of CSV). */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;
/** Most data rows in one import. */
export const IMPORT_MAX_ROWS = 100_000;

const ZColumnMapping = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500))
  .refine((m) => m.name !== undefined || m.phone !== undefined || m.email !== undefined, {
    error: 'map a column to Name, Phone or Email',
  })
  .refine(
    (m) => {
      const cols = Object.values(m);
      return new Set(cols).size === cols.length;
    },
    { error: 'a column can feed only one field' },
  );

export const ZImportCheck = z.strictObject({ mapping: ZColumnMapping });

export const ZImportCommit = z.strictObject({
  mapping: ZColumnMapping,
  /** The counts the dry run showed; the commit refuses (and writes nothing) if they no longer hold. */
  expect: z.object({ create: z.number().int().min(0), merge: z.number().int().min(0) }),
});
export type ImportCommit = z.infer<typeof ZImportCommit>;

const IMPORT_DECISIONS = ['merge', 'keep_both', 'skip'] as const;
export const ZImportDecisions = z.strictObject({
  decisions: z
    .array(z.object({ line: z.number().int().min(1), decision: z.enum(IMPORT_DECISIONS) }))
    .min(1)
    .max(5000),
});
export type ImportDecisions = z.infer<typeof ZImportDecisions>;

const IMPORT_ROW_STATUSES = [
  'pending',
  'ok',
  'warning',
  'error',
  'duplicate',
  'review',
  'created',
  'merged',
  'skipped',
] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

const ZImportRowIssue = z.object({
  level: z.enum(['error', 'warning']),
  field: z.string(),
  message: z.string(),
});
export type ImportRowIssue = z.infer<typeof ZImportRowIssue>;

const ZImportCounts = z.object({
  rows: z.number(),
  ok: z.number(),
  warning: z.number(),
  error: z.number(),
  duplicate: z.number(),
  review: z.number(),
  /** What a commit would do now: new leads, and merges into existing ones (from review decisions). */
  toCreate: z.number(),
  toMerge: z.number(),
  undecided: z.number(),
  created: z.number(),
  merged: z.number(),
  skipped: z.number(),
});
export type ImportCounts = z.infer<typeof ZImportCounts>;

const ZImportRowView = z.object({
  line: z.number(),
  status: z.enum(IMPORT_ROW_STATUSES),
  cells: z.array(z.string()),
  issues: z.array(ZImportRowIssue),
  duplicateOf: z.string().nullable(),
  matchReason: z.string().nullable(),
  decision: z.enum(IMPORT_DECISIONS).nullable(),
  leadId: z.string().nullable(),
});
export type ImportRowView = z.infer<typeof ZImportRowView>;

export const ZImportBatchView = z.object({
  id: z.string(),
  fileName: z.string(),
  kind: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerLine: z.number(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number()).nullable(),
  /** Where the mapping came from: this batch's own, the one remembered for these headers, or a guess. */
  mappingSource: z.enum(['batch', 'remembered', 'guessed']),
  status: z.enum(['staged', 'checked', 'committed', 'undone']),
  rowCount: z.number(),
  blankLines: z.number(),
  counts: ZImportCounts.nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** The first rows as read, for the mapping step. */
  preview: z.array(ZImportRowView),
});
export type ImportBatchView = z.infer<typeof ZImportBatchView>;

export const ZImportRowsQuery = z.object({
  status: z.enum(['problems', ...IMPORT_ROW_STATUSES]).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZImportRowsPage = z.object({ rows: z.array(ZImportRowView), total: z.number() });
export type ImportRowsPage = z.infer<typeof ZImportRowsPage>;

/** A possible duplicate side by side: what the row would create, and the lead it may be. */
const ZImportReviewItem = z.object({
  line: z.number(),
  reason: z.string(),
  decision: z.enum(IMPORT_DECISIONS).nullable(),
  incoming: z.record(z.string(), z.unknown()),
  existing: z.record(z.string(), z.unknown()),
});
export const ZImportReview = z.object({ items: z.array(ZImportReviewItem), total: z.number() });
export type ImportReview = z.infer<typeof ZImportReview>;

/** Where a long dry run or import is: `done` of `total` rows in the named phase. */
const IMPORT_PHASES = ['reading', 'matching', 'saving', 'creating'] as const;
const ZImportProgress = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type ImportProgress = z.infer<typeof ZImportProgress>;
/** What the phases say to a person. */
export const IMPORT_PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading rows',
  matching: 'Looking for duplicates',
  saving: 'Saving the results',
  creating: 'Creating leads',
};
/**
 * One line of a check or commit answered as a stream (`Accept: application/x-ndjson`):
 * progress lines, then the batch or an error.
 */
export const ZImportStreamLine = z.union([
  z.object({ progress: ZImportProgress }),
  z.object({ batch: ZImportBatchView }),
  z.object({
    error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  }),
]);
