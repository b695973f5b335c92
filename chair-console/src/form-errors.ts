// Turns a zod parse failure (client-side comfort check) or a server 400 (the truth) into one message per
// field, in the language the console is showing.
import { RECIPIENTS_FILE_COPY_MESSAGE } from '@hddt/protocol/schemas';
import type { ApiError } from './api';
import type { MsgKey } from './i18n';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

type Translate = (key: MsgKey, vars?: Record<string, string | number>) => string;

const CUSTOM_MESSAGES: Record<string, MsgKey> = {
  'endDate before startDate': 'err.endBeforeStart',
  'candidates required': 'err.candidatesRequired',
  'more seats than candidates': 'err.seatsMoreThanCandidates',
  'confidence rating is always secret': 'err.confidenceSecret',
  'numerator must not exceed denominator': 'err.numeratorTooBig',
  'unknown time zone': 'err.timeZone',
  [RECIPIENTS_FILE_COPY_MESSAGE]: 'err.recipientsFileCopy',
};

/** The first error of a list field ("guests.2.name", "minutesRecipients.3"), naming its line: "Dòng 4: …". */
export function listFieldError(errors: FieldErrors, field: string, lineWord: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
  if (!key) return undefined;
  const index = /^[^.]+\.(\d+)/.exec(key)?.[1];
  return index === undefined ? errors[key] : `${lineWord} ${Number(index) + 1}: ${errors[key]}`;
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function issueMessage(issue: IssueLike, t: Translate): string {
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return t(custom);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('err.required') : t('err.tooShort', { n: Number(issue.minimum) });
      if (issue.origin === 'array') return t('err.required');
      return t('err.min', { n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('err.tooLong', { n: Number(issue.maximum) });
      return t('err.max', { n: Number(issue.maximum) });
    case 'invalid_type':
      return t('err.invalidType');
    case 'invalid_format':
      return issue.message.includes('{n}') ? t('err.needsN') : t('err.format');
    case 'invalid_value':
      return t('err.choose');
    default:
      return t('err.invalid');
  }
}

export function zodFieldErrors(error: { issues: readonly IssueLike[] }, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = pathKey(issue.path);
    if (!(key in out)) out[key] = issueMessage(issue, t);
  }
  return out;
}

export function serverFieldErrors(err: ApiError, lang: 'vi' | 'en'): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields) {
    if (!(f.path in out)) out[f.path] = lang === 'vi' ? f.message : f.messageEn;
  }
  return out;
}

export function errorText(err: unknown, lang: 'vi' | 'en'): string {
  if (typeof err === 'object' && err !== null && 'messageVi' in err && 'messageEn' in err) {
    const e = err as ApiError;
    return lang === 'vi' ? e.messageVi : e.messageEn;
  }
  return err instanceof Error ? err.message : String(err);
}
