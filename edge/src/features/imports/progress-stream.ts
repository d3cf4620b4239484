import type { ImportBatchView } from '@mandap/shared/leads';
import { stream } from 'hono/streaming';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { ProgressSink } from './import-check.ts';

/**
 * Runs a long dry run or import and answers as newline-delimited JSON: `{"progress":{…}}` lines
 * as rows go by, then `{"batch":{…}}`, or `{"error":{code,message}}` (the status is already sent
 * by then, so a refusal travels as a line; the work's own transaction has rolled back).
 */
export function progressStream(c: AppContext, work: (progress: ProgressSink) => Promise<ImportBatchView>) {
  c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  return stream(c, async (s) => {
    const line = (o: unknown) => s.write(`${JSON.stringify(o)}\n`);
    try {
      const batch = await work(async (progress) => {
        await line({ progress });
      });
      await line({ batch });
    } catch (err) {
      if (err instanceof AppError)
        await line({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
      else {
        c.get('deps').log.error('import stream failed', { error: String(err) });
        await line({
          error: { code: 'internal', message: 'Something went wrong on the server; nothing was changed.' },
        });
      }
    }
  });
}
