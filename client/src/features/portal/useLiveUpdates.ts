import { ZLiveUpdate } from '@mandap/shared/live';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { paths } from '../../api/paths.ts';
import { portalKeys } from './portal.api.ts';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * Follows the page's live feed (server-sent events). The browser's EventSource reconnects on
 * its own and sends Last-Event-ID, so the server replays exactly what was missed; each update
 * refetches the page (the server decides what the client may see) and is announced once.
 */
export function useLiveUpdates(token: string, after: number | null, onUpdate: (label: string) => void) {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const ready = after !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: open the stream once per token; `after` only seeds the first connection.
  useEffect(() => {
    if (!ready || typeof EventSource === 'undefined') return;
    const source = new EventSource(
      paths.portal[':token'].stream.$path({ param: { token }, query: { after: String(after) } }),
    );
    const refresh = () => qc.invalidateQueries({ queryKey: portalKeys.view(token) });
    source.addEventListener('ready', () => setState('live'));
    source.addEventListener('update', (e) => {
      const parsed = ZLiveUpdate.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) onUpdate(parsed.data.label);
      void refresh();
    });
    source.addEventListener('closed', () => {
      source.close();
      setState('closed');
      void refresh();
    });
    source.onerror = () => {
      // CLOSED: the server refused (expired or withdrawn link); the page shows why after a refetch.
      if (source.readyState === EventSource.CLOSED) {
        setState('closed');
        void refresh();
      } else setState('reconnecting');
    };
    return () => source.close();
  }, [token, ready, qc]);
  return state;
}
