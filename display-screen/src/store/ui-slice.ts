import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n';

export interface UiSlice {
  lang: Lang;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = () => ({
  lang: 'vi',
});
