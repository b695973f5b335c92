import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n';
import { initialLang } from '../i18n';
import type { DelegateStore } from './index';

export type View = 'home' | 'documents' | 'speak';

export interface UiSlice {
  view: View;
  openDocumentId: string | null;
  /** Agenda item the documents list is scrolled to (from "Xem tài liệu" on the agenda). */
  documentsItemId: string | null;
  lang: Lang;
  /** The delegate closed the result of this round; the panel stays away until another round opens. */
  dismissedRoundId: string | null;
  /** The delegate stepped out of an open ballot to read the documents; a bar brings it back. */
  minimizedRoundId: string | null;
}

export const createUiSlice: StateCreator<DelegateStore, [], [], UiSlice> = () => ({
  view: 'home',
  openDocumentId: null,
  documentsItemId: null,
  lang: initialLang(),
  dismissedRoundId: null,
  minimizedRoundId: null,
});
