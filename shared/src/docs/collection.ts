import * as Y from 'yjs';
import type { z } from 'zod';

/**
 * A keyed set of records inside a Y.Doc: a root Y.Map of id → Y.Map of fields. Each field is
 * its own register, so two people changing different fields of one record both win; the
 * same field edited twice converges on one value (Yjs' last-writer rule by client id).
 * Records that fail their schema (a peer with an older or broken app) are skipped on read.
 */
export interface Collection<T extends { id: string }> {
  /** Every valid record, in no particular order. */
  list(): T[];
  get(id: string): T | null;
  /** Creates or replaces the record under `record.id`. */
  put(record: T): void;
  /** Changes only the given fields; does nothing when the record is gone. */
  patch(id: string, fields: Partial<Omit<T, 'id'>>): void;
  remove(id: string): void;
  /** Calls back on any change inside the collection; returns the unsubscribe. */
  observe(listener: () => void): () => void;
  readonly root: Y.Map<Y.Map<unknown>>;
}

/** The typed collection `name` of `doc`, validated with `schema`. */
export function collection<S extends z.ZodType<{ id: string }>>(
  doc: Y.Doc,
  name: string,
  schema: S,
): Collection<z.infer<S>> {
  type T = z.infer<S>;
  const root = doc.getMap<Y.Map<unknown>>(name);
  const read = (id: string, entry: unknown): T | null => {
    if (!(entry instanceof Y.Map)) return null;
    const parsed = schema.safeParse({ ...entry.toJSON(), id });
    return parsed.success ? parsed.data : null;
  };
  const writeFields = (target: Y.Map<unknown>, fields: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'id' || value === undefined) continue;
      if (target.get(key) !== value) target.set(key, value);
    }
  };
  return {
    root,
    list: () => {
      const out: T[] = [];
      root.forEach((entry, id) => {
        const record = read(id, entry);
        if (record) out.push(record);
      });
      return out;
    },
    get: (id) => read(id, root.get(id)),
    put: (record) =>
      doc.transact(() => {
        const entry = new Y.Map<unknown>();
        root.set(record.id, entry);
        writeFields(entry, record as Record<string, unknown>);
      }),
    patch: (id, fields) =>
      doc.transact(() => {
        const entry = root.get(id);
        if (entry instanceof Y.Map) writeFields(entry, fields as Record<string, unknown>);
      }),
    remove: (id) => doc.transact(() => root.delete(id)),
    observe: (listener) => {
      const handler = () => listener();
      root.observeDeep(handler);
      return () => root.unobserveDeep(handler);
    },
  };
}
