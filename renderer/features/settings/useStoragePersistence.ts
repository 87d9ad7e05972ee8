// Asks the browser to keep our data under storage pressure (navigator.storage.persist) and reports
// the answer: without it, Chromium may evict IndexedDB when the disk is nearly full.
import { useCallback, useEffect, useState } from 'react';

export interface StoragePersistence {
  /** null where the Storage API is missing. */
  persisted: boolean | null;
  estimate: { usage: number; quota: number } | null;
  request: () => Promise<void>;
}

export function useStoragePersistence(): StoragePersistence {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);


  const request = useCallback(async () => {
    if (!navigator.storage?.persist) return;
    setPersisted(await navigator.storage.persist());
  }, []);

  useEffect(() => {
    if (!navigator.storage?.persisted) return;
    let live = true;
    void Promise.all([navigator.storage.persisted(), navigator.storage.estimate()]).then(([isPersisted, e]) => {
      if (!live) return;
      setPersisted(isPersisted);
      setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 });
    });
    return () => {
      live = false;
    };
  }, []);

  return { persisted, estimate, request };
}

/** Called once at start-up: ask for persistent storage before the seller has data to lose. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
