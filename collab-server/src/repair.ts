/**
 * Repair command for quarantined documents: drops the log rows (and a snapshot) that cannot be
 * applied, keeping everything else. Safe while the server runs; a quarantined document comes back
 * writable when it is next loaded (after it goes idle, or a restart).
 *
 *   COLLAB_DATABASE_URL=file:data/collab.db npm run repair -w collab-server [-- --dry-run] [doc name …]
 */
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';
import { foldStored } from './fold.ts';
import { readStoredDoc } from './persistence.ts';

export interface RepairReport {
  docName: string;
  droppedSeqs: number[];
  droppedSnapshot: boolean;
  /** Nothing could be singled out: left as it is. */
  unreadable: boolean;
}

export async function repairDatabase(
  url: string,
  options: { docs?: string[]; dryRun?: boolean } = {},
): Promise<RepairReport[]> {
  const db = createClient({ url, concurrency: 1 });
  try {
    await db.execute('PRAGMA busy_timeout = 5000');
    const names =
      options.docs && options.docs.length > 0
        ? options.docs
        : (
            await db.execute('SELECT doc_name FROM doc_updates UNION SELECT doc_name FROM doc_snapshots ORDER BY 1')
          ).rows.map((r) => String(r.doc_name));
    const reports: RepairReport[] = [];
    for (const docName of names) {
      const folded = foldStored(await readStoredDoc(db, docName));
      folded.ydoc.destroy();
      if (folded.badSeqs.length === 0 && !folded.badSnapshot && !folded.unreadable) continue;
      const report: RepairReport = {
        docName,
        droppedSeqs: folded.unreadable ? [] : folded.badSeqs,
        droppedSnapshot: !folded.unreadable && folded.badSnapshot,
        unreadable: folded.unreadable,
      };
      if (!options.dryRun && !folded.unreadable) {
        const statements = folded.badSeqs.map((seq) => ({
          sql: 'DELETE FROM doc_updates WHERE doc_name = ? AND seq = ?',
          args: [docName, seq],
        }));
        if (folded.badSnapshot)
          statements.push({ sql: 'DELETE FROM doc_snapshots WHERE doc_name = ?', args: [docName] });
        await db.batch(statements, 'write');
      }
      reports.push(report);
    }
    return reports;
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const docs = args.filter((a) => !a.startsWith('--'));
  const url = process.env.COLLAB_DATABASE_URL || 'file:data/collab.db';
  let reports: RepairReport[];
  try {
    reports = await repairDatabase(url, { docs, dryRun });
  } catch (err) {
    console.error(`collab repair: cannot read ${url}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  if (reports.length === 0) console.log('collab repair: every document loads; nothing to do');
  for (const r of reports) {
    if (r.unreadable) console.log(`${r.docName}: cannot single out the damaged rows; left untouched`);
    else
      console.log(
        `${r.docName}: ${dryRun ? 'would drop' : 'dropped'} rows ${r.droppedSeqs.join(', ') || '(none)'}` +
          (r.droppedSnapshot ? ' and its snapshot' : ''),
      );
  }
}
