import { ERRORS, isErrorCode } from '@hddt/protocol';
import type { Lang } from './i18n';

/** The person-readable message of a server error code (the protocol carries both languages). */
export function serverMessage(code: string, lang: Lang): string {
  if (isErrorCode(code)) return ERRORS[code][lang === 'vi' ? 0 : 1];
  return code;
}
