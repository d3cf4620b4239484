import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client';

/** How long a write may wait for its turn before it fails with a message that says why. */
const TURN_TIMEOUT_MS = 15_000;

const READ_ONLY = /^\s*(select|explain)\b/i;

function sqlOf(stmt: InStatement | string): string {
  return typeof stmt === 'string' ? stmt : stmt.sql;
}

/**
 * A local libSQL file waits for a busy write lock synchronously, on the event loop. So a
 * write on one pooled connection while another connection's transaction sits between
 * awaits blocks the very loop that transaction needs to finish, until the busy timeout
 * fails it with SQLITE_BUSY. SQLite has one writer at a time anyway: here every write —
 * a transaction from BEGIN to COMMIT, a batch, a lone INSERT/UPDATE/DELETE — takes its turn
 * in this process, asynchronously. Reads outside transactions still run alongside (WAL).
 * A remote libSQL server queues writes itself and needs none of this.
 */
export function serializeWrites(client: Client): void {
  let tail: Promise<unknown> = Promise.resolve();

  /** Waits for the previous writer; resolves with a release function (idempotent). */
  function acquire(): Promise<() => void> {
    const previous = tail;
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    tail = previous.then(() => mine);
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        release();
        reject(
          new Error(
            `A database write waited ${TURN_TIMEOUT_MS / 1000}s for its turn. ` +
              'Is a write made through the database handle inside another transaction? Use the transaction.',
          ),
        );
      }, TURN_TIMEOUT_MS);
      void previous.then(() => {
        if (timedOut) return;
        clearTimeout(timer);
        resolve(release);
      });
    });
  }

  async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  const execute = client.execute.bind(client) as (stmt: InStatement, args?: unknown) => ReturnType<Client['execute']>;
  client.execute = ((stmt: InStatement, args?: unknown) =>
    READ_ONLY.test(sqlOf(stmt)) ? execute(stmt, args) : inTurn(() => execute(stmt, args))) as Client['execute'];

  const batch = client.batch.bind(client);
  client.batch = ((stmts, mode) => inTurn(() => batch(stmts, mode))) as Client['batch'];

  const executeMultiple = client.executeMultiple.bind(client);
  client.executeMultiple = (sql) => inTurn(() => executeMultiple(sql));

  const transaction = client.transaction.bind(client);
  client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    const release = await acquire();
    try {
      const tx = await transaction(mode);
      // The turn is held from BEGIN until the transaction settles, however it settles.
      for (const method of ['commit', 'rollback'] as const) {
        const settle = tx[method].bind(tx);
        tx[method] = () => settle().finally(release);
      }
      const close = tx.close.bind(tx);
      tx.close = () => {
        close();
        release();
      };
      return tx;
    } catch (err) {
      release();
      throw err;
    }
  };
}
