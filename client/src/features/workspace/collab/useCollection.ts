import type { Collection } from '@mandap/shared/docs';
import { useEffect, useState } from 'react';

/** The records of a shared collection, re-rendered on every change (local or remote). */
export function useCollection<T extends { id: string }>(collection: Collection<T> | null): T[] {
  const [records, setRecords] = useState<T[]>(() => collection?.list() ?? []);
  useEffect(() => {
    if (!collection) return setRecords([]);
    setRecords(collection.list());
    return collection.observe(() => setRecords(collection.list()));
  }, [collection]);
  return records;
}
