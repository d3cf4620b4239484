import { z } from '@hono/zod-openapi';
import {
  IMPORT_MAX_BYTES,
  ZImportBatchView,
  ZImportCheck,
  ZImportCommit,
  ZImportDecisions,
  ZImportReview,
  ZImportRowsPage,
  ZImportRowsQuery,
} from '@mandap/shared/leads';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { actorOf } from '../leads/actor.ts';
import { commitBatch, undoBatch } from './import-commit.service.ts';
import { errorReport } from './import-report.ts';
import { reviewItems } from './import-review.service.ts';
import { checkBatch, decide, getBatch, listBatches, listRows, stageFile } from './imports.service.ts';
import { progressStream } from './progress-stream.ts';

const ZStageQuery = z.object({
  fileName: z.string().trim().min(1, { error: 'give the file name' }).max(200),
  sheet: z.string().trim().min(1).max(200).optional(),
});

const stage = defineRoute({
  method: 'post',
  path: '/files',
  permission: 'leads:write',
  summary: `Stage a whole .csv or .xlsx on the server (the body is the file's bytes; at most ${IMPORT_MAX_BYTES / 1048576} MB). Nothing is imported yet.`,
  request: {
    query: ZStageQuery,
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    201: jsonResponse(ZImportBatchView, 'The staged file: headers, sheets, the suggested mapping.'),
    ...errorResponses,
  },
});
const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'leads:read',
  summary: 'Imports of the last year, newest first',
  responses: { 200: jsonResponse(z.object({ batches: z.array(ZImportBatchView) }), 'Imports.'), ...errorResponses },
});
const get = defineRoute({
  method: 'get',
  path: '/{id}',
  permission: 'leads:read',
  summary: 'One import with its counts',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZImportBatchView, 'The import.'), ...errorResponses },
});
const check = defineRoute({
  method: 'post',
  path: '/{id}/check',
  permission: 'leads:write',
  summary: 'The dry run: check the whole file with this mapping; writes no lead',
  request: { params: ZIdParam, body: jsonBody(ZImportCheck) },
  responses: { 200: jsonResponse(ZImportBatchView, 'What a commit would do.'), ...errorResponses },
});
const rows = defineRoute({
  method: 'get',
  path: '/{id}/rows',
  permission: 'leads:read',
  summary: "A page of the import's rows with their line numbers and problems",
  request: { params: ZIdParam, query: ZImportRowsQuery },
  responses: { 200: jsonResponse(ZImportRowsPage, 'Rows.'), ...errorResponses },
});
const review = defineRoute({
  method: 'get',
  path: '/{id}/review',
  permission: 'leads:read',
  summary: 'Possible duplicates side by side with the leads they may be',
  request: { params: ZIdParam, query: z.object({ offset: z.coerce.number().int().min(0).default(0) }) },
  responses: { 200: jsonResponse(ZImportReview, 'Pairs to decide.'), ...errorResponses },
});
const decisions = defineRoute({
  method: 'post',
  path: '/{id}/decisions',
  permission: 'leads:write',
  summary: 'Decide possible duplicates: merge, keep both or skip',
  request: { params: ZIdParam, body: jsonBody(ZImportDecisions) },
  responses: { 200: jsonResponse(ZImportBatchView, 'The new counts.'), ...errorResponses },
});
const commit = defineRoute({
  method: 'post',
  path: '/{id}/commit',
  permission: 'leads:write',
  summary: 'Import exactly what the dry run promised, in one transaction (or nothing, if it no longer holds)',
  request: { params: ZIdParam, body: jsonBody(ZImportCommit) },
  responses: { 200: jsonResponse(ZImportBatchView, 'Imported.'), ...errorResponses },
});
const undo = defineRoute({
  method: 'post',
  path: '/{id}/undo',
  permission: 'leads:write',
  summary: 'Undo an import: remove its leads and put back its merges, if nothing has happened to them yet',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZImportBatchView, 'Undone.'), ...errorResponses },
});
/**
 * The streamed answers' media type, typed as a plain string on purpose: @hono/zod-openapi types
 * any literal `application/…json…` key it cannot read as JSON (as `application/x-ndjson`) as
 * `never`, which drops the route from `App`. As a string key the answer is typed as a raw
 * `Response`, the route stays in the contract (the client takes its path from it), and the
 * OpenAPI document still says `application/x-ndjson`.
 */
const NDJSON = 'application/x-ndjson' as string;
const ndjson = {
  200: {
    content: { [NDJSON]: { schema: z.string() } },
    description:
      'Lines of JSON: {"progress":{phase,done,total}} as rows go by, then {"batch":…} or {"error":{code,message}}.',
  },
  ...errorResponses,
};
const checkStream = defineRoute({
  method: 'post',
  path: '/{id}/check/stream',
  permission: 'leads:write',
  summary: 'The dry run, answered as progress lines (n of N rows per phase) and then the batch',
  request: { params: ZIdParam, body: jsonBody(ZImportCheck) },
  responses: ndjson,
});
const commitStream = defineRoute({
  method: 'post',
  path: '/{id}/commit/stream',
  permission: 'leads:write',
  summary: 'The import, answered as progress lines (n of N rows per phase) and then the batch',
  request: { params: ZIdParam, body: jsonBody(ZImportCommit) },
  responses: ndjson,
});
const report = defineRoute({
  method: 'get',
  path: '/{id}/not-imported.csv',
  permission: 'leads:read',
  summary: 'The rows that did not come in, as the original cells plus a Reason column (CSV, UTF-8)',
  request: { params: ZIdParam },
  responses: { 200: { description: 'CSV.', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

export const importsRoutes = createRouter()
  .openapi(stage, async (c) => {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > IMPORT_MAX_BYTES)
      throw new AppError(
        'payload_too_large',
        `Spreadsheets can be at most ${IMPORT_MAX_BYTES / 1048576} MB; split the file.`,
      );
    const q = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(
      await stageFile(c.get('deps'), { fileName: q.fileName, sheet: q.sheet ?? null, bytes }, actorOf(c)),
      201,
    );
  })
  .openapi(list, async (c) => c.json({ batches: await listBatches(c.get('deps')) }, 200))
  .openapi(get, async (c) => c.json(await getBatch(c.get('deps'), c.req.valid('param').id), 200))
  .openapi(check, async (c) =>
    c.json(await checkBatch(c.get('deps'), c.req.valid('param').id, c.req.valid('json').mapping), 200),
  )
  .openapi(checkStream, async (c) => {
    const [deps, id, { mapping }] = [c.get('deps'), c.req.valid('param').id, c.req.valid('json')];
    return progressStream(c, (progress) => checkBatch(deps, id, mapping, progress));
  })
  .openapi(rows, async (c) => c.json(await listRows(c.get('deps'), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(review, async (c) =>
    c.json(await reviewItems(c.get('deps'), c.req.valid('param').id, c.req.valid('query').offset), 200),
  )
  .openapi(decisions, async (c) =>
    c.json(await decide(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(commit, async (c) =>
    c.json(await commitBatch(c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  )
  .openapi(commitStream, async (c) => {
    const [deps, id, body, actor] = [c.get('deps'), c.req.valid('param').id, c.req.valid('json'), actorOf(c)];
    return progressStream(c, (progress) => commitBatch(deps, id, body, actor, progress));
  })
  .openapi(undo, async (c) => c.json(await undoBatch(c.get('deps'), c.req.valid('param').id, actorOf(c)), 200))
  .openapi(report, async (c) => {
    const { fileName, csv } = await errorReport(c.get('deps'), c.req.valid('param').id);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  });
