import type { StateCreator } from 'zustand';
import type { Store } from './index';

export type Area = 'prepare' | 'live' | 'cards' | 'portal';
export type PrepareTab = 'sessions' | 'roster' | 'council' | 'cards' | 'displays' | 'staff' | 'records' | 'feedback' | 'mail';

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
  setArea: (area) => set({ area }),
  setPrepareTab: (prepareTab) => set({ prepareTab }),
  setEditSessionId: (editSessionId) => set({ editSessionId }),
  pushToast: (toast) => set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id: ++toastSeq }] })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
