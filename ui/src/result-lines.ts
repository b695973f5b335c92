// The announced form of a vote result, shared by the hall display and the chair console so the words and
// numbers read in the hall are identical everywhere. Percentages are always of ALL seated delegates (N =
// result.seated), as the law requires: "Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); …".
// The legal wording lives here (not in each app's i18n) because it is part of the announcement itself.
import type { ConfidenceLevel, ConfidenceResult, ElectionResult, LocalizedText, OptionResult, RoundResult, VoteOption } from '@hddt/protocol';
import { CONFIDENCE_LEVELS, formatCount, formatPercent, RESULT_WORDS, VOTE_OPTIONS } from '@hddt/protocol';

export type ResultLang = 'vi' | 'en';

/** The council's configured labels (CouncilConfig.voteLabels / confidenceLabels). */
export interface ResultLabels {
  voteLabels: Record<VoteOption, LocalizedText>;
  confidenceLabels: Record<ConfidenceLevel, LocalizedText>;
}

export type ResultLineKey = 'present' | 'participated' | VoteOption;

export interface ResultLine {
  key: ResultLineKey;
  label: string;
  /** "28/31" for attendance, otherwise the count ("27"). */
  value: string;
  count: number;
  /** Percentage of all seated delegates, or null for the attendance line. */
  percent: string | null;
}

// The words live in @hddt/protocol's vocabulary, shared with the minutes and the portal.
const WORDS = RESULT_WORDS;

export type ResultWord = keyof (typeof WORDS)['vi'];

export function resultWord(key: ResultWord, lang: ResultLang, vars: Record<string, number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => formatCount(vars[name] ?? 0, lang));
}

/** Lower-cases the first letter so a configured label ("Tán thành") reads inside a sentence ("tán thành"). */
function inSentence(label: string, lang: ResultLang): string {
  return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
}

function presentLine(r: { present: number; seated: number }, lang: ResultLang): ResultLine {
  return {
    key: 'present',
    label: WORDS[lang].present,
    value: `${formatCount(r.present, lang)}/${formatCount(r.seated, lang)}`,
    count: r.present,
    percent: null,
  };
}

function countLine(key: ResultLineKey, label: string, count: number, seated: number, lang: ResultLang): ResultLine {
  return { key, label, value: formatCount(count, lang), count, percent: formatPercent(count, seated, lang) };
}

/** The lines of an options result in announcement order: present, took part, then each option. */
export function optionResultLines(result: OptionResult, labels: ResultLabels, lang: ResultLang): ResultLine[] {
  return [
    presentLine(result, lang),
    countLine('participated', WORDS[lang].participatedVote, result.participated, result.seated, lang),
    ...VOTE_OPTIONS.map((o) => countLine(o, labels.voteLabels[o][lang], result.counts[o], result.seated, lang)),
  ];
}

/** Attendance and participation lines of an election or confidence ballot. */
export function ballotHeadLines(result: ElectionResult | ConfidenceResult, lang: ResultLang): ResultLine[] {
  return [presentLine(result, lang), countLine('participated', WORDS[lang].participatedBallot, result.participated, result.seated, lang)];
}

function lineText(line: ResultLine, lang: ResultLang, first: boolean): string {
  const label = first ? line.label : inSentence(line.label, lang);
  return line.percent === null ? `${label} ${line.value}` : `${label} ${line.value} (${line.percent})`;
}

function linesText(lines: ResultLine[], lang: ResultLang): string {
  return lines.map((l, i) => lineText(l, lang, i === 0)).join('; ');
}

export type Verdict = 'passed' | 'failed' | 'elected' | 'not-elected' | 'tied';

export function verdictLabel(verdict: Verdict, lang: ResultLang): string {
  switch (verdict) {
    case 'passed':
      return WORDS[lang].passed;
    case 'failed':
      return WORDS[lang].failed;
    case 'elected':
      return WORDS[lang].elected;
    case 'not-elected':
      return WORDS[lang].notElected;
    case 'tied':
      return WORDS[lang].tied;
    default: {
      const never: never = verdict;
      return never;
    }
  }
}

export function candidateVerdict(c: { elected: boolean; tied: boolean }): Verdict {
  if (c.tied) return 'tied';
  return c.elected ? 'elected' : 'not-elected';
}

/** The rule line under a verdict: "Cần ít nhất 16/31 phiếu tán thành". Null for confidence ratings. */
export function requirementText(result: RoundResult, lang: ResultLang): string | null {
  switch (result.kind) {
    case 'options':
      return resultWord('requiredYes', lang, { required: result.required, seated: result.seated });
    case 'election':
      return resultWord('requiredElection', lang, { required: result.required, seated: result.seated });
    case 'confidence':
      return null;
    default: {
      const never: never = result;
      return never;
    }
  }
}

/**
 * The whole result as one announcement, as the chair reads it and the minutes record it:
 * "Có mặt 28/31; tham gia biểu quyết 28 (90,32%); tán thành 27 (87,10%); không tán thành 0 (0%); không biểu quyết 1 (3,23%)".
 */
export function announcementText(result: RoundResult, labels: ResultLabels, lang: ResultLang): string {
  switch (result.kind) {
    case 'options':
      return linesText(optionResultLines(result, labels, lang), lang);
    case 'election': {
      const head = linesText(ballotHeadLines(result, lang), lang);
      const people = result.candidates.map(
        (c) =>
          `${c.name} ${formatCount(c.votes, lang)} ${WORDS[lang].votes} (${formatPercent(c.votes, result.seated, lang)}), ` +
          inSentence(verdictLabel(candidateVerdict(c), lang).toLocaleLowerCase(lang), lang),
      );
      return [head, ...people].join('; ');
    }
    case 'confidence': {
      const head = linesText(ballotHeadLines(result, lang), lang);
      const people = result.subjects.map(
        (s) =>
          `${s.name}: ` +
          CONFIDENCE_LEVELS.map(
            (l) =>
              `${inSentence(labels.confidenceLabels[l][lang], lang)} ${formatCount(s.counts[l], lang)} (${formatPercent(s.counts[l], result.seated, lang)})`,
          ).join(', '),
      );
      return [head, ...people].join('; ');
    }
    default: {
      const never: never = result;
      return never;
    }
  }
}
