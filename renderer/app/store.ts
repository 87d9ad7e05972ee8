// UI intent only (which screen, which filter); rows live in IndexedDB and reach screens via live queries.
import { create } from 'zustand';

export const SCREENS = ['today', 'stock', 'imports', 'plan', 'purchasing', 'shipments', 'suppliers', 'skus', 'listings', 'locations', 'movements', 'ledger', 'report', 'analysis', 'reconcile', 'counts', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

interface UiState {
  screen: Screen;
  go: (screen: Screen) => void;
  /** The SKU being edited in the catalog, or 'new'. */
  editingSku: number | 'new' | null;
  editSku: (id: number | 'new' | null) => void;
}

export const useUi = create<UiState>((set) => ({
  screen: 'stock',
  go: (screen) => set({ screen }),
  editingSku: null,
  editSku: (editingSku) => set({ editingSku }),
}));
