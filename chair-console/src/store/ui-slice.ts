import type { StateCreator } from 'zustand';
import type { DelegateCard } from '@hddt/protocol';
import type { Store } from './index';

export type Area = 'prepare' | 'live' | 'cards' | 'portal';
export type PrepareTab = 'sessions' | 'roster' | 'hall' | 'council' | 'cards' | 'displays' | 'staff' | 'records' | 'feedback' | 'mail';

export interface Toast {
  id: number;
  text: string;
  /** An undo action offered with the message, when the rules allow one. */
  undo?: () => void;
  tone: 'info' | 'error';
}

export interface UiSlice {
  area: Area;
  prepareTab: PrepareTab;
  /** Session being prepared in "Chuẩn bị". */
  editSessionId: string | null;
  toasts: Toast[];
  /**
   * Cards just issued, with their sign-in links, for the print sheet. The server keeps only a hash of each
   * card, so these links exist nowhere else: they stay in this tab's memory until it is closed.
   */
  printCards: DelegateCard[] | null;
  setPrintCards: (cards: DelegateCard[] | null) => void;
  setArea: (area: Area) => void;
  setPrepareTab: (tab: PrepareTab) => void;
  setEditSessionId: (id: string | null) => void;
  pushToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
}

let toastSeq = 0;

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  area: 'prepare',
  prepareTab: 'sessions',
  editSessionId: null,
  toasts: [],
  printCards: null,
  setPrintCards: (printCards) => set({ printCards }),
  setArea: (area) => set({ area }),
  setPrepareTab: (prepareTab) => set({ prepareTab }),
  setEditSessionId: (editSessionId) => set({ editSessionId }),
  pushToast: (toast) => set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id: ++toastSeq }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
