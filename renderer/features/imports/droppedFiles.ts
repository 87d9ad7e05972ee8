// Files dropped anywhere in the window wait here until the Imports screen reads them. The store
// holds only a counter (intent); the File handles sit in this module, never in Zustand.
import { create } from 'zustand';

let queue: File[] = [];

const useDropCounter = create<{ count: number; bump: () => void }>((set) => ({ count: 0, bump: () => set((s) => ({ count: s.count + 1 })) }));

export function queueDroppedFiles(files: File[]): void {
  queue = [...queue, ...files];
  useDropCounter.getState().bump();
}

export function takeDroppedFiles(): File[] {
  const files = queue;
  queue = [];
  return files;
}

export function useDroppedFiles(): number {
  return useDropCounter((s) => s.count);
}
