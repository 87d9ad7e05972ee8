// The queue of codes to map, as the imports screen reads it: a live query of its key only (a few
// small reads), and the queue itself from the ledger worker, which works it out off the page's thread
// and again only when the key changed (renderer/db/heldCodes.ts).
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { heldCodeQueueKey } from '../../db/heldCodes';
import { callLedger } from '../../db/ledgerClient';
import type { QueuedCode } from '../../../shared/import/unmappedCodes';

/** The queue (undefined until first read); the last one read stays while a newer one is worked out. */
export function useCodeQueue(): { queue: QueuedCode[] | undefined; error: unknown } {
  const key = useLiveQuery(async () => (await heldCodeQueueKey(db)).key, []);
  const [loaded, setLoaded] = useState<QueuedCode[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    callLedger('codeQueue', {}).then(
      (result) => {
        if (!live) return;
        setLoaded(result.queue);
        setError(null);
      },
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return { queue: loaded, error };
}
