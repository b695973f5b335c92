// The hall's vocabulary: the words the chair console, the tablets, the hall display, the minutes and the portal
// must say the same way. One place, so a vote is never "công khai" on one screen and "không ghi danh" on another.

import type { BallotMode, RoundResult } from './model';

export type VocabLang = 'vi' | 'en';
export interface Bilingual {
  vi: string;
  en: string;
}

/** How a motion's ballot is taken. */
export const BALLOT_MODE_LABEL: Readonly<Record<BallotMode, Bilingual>> = {
  named: { vi: 'Biểu quyết công khai, ghi danh', en: 'Open vote, by name' },
  anonymous: { vi: 'Biểu quyết không ghi danh', en: 'Open vote, not by name' },
  secret: { vi: 'Bỏ phiếu kín', en: 'Secret ballot' },
};

/** Words of an announced result. `{name}` placeholders are filled with counts by the caller. */
export const RESULT_WORDS = {
  vi: {
    present: 'Có mặt',
    participatedVote: 'Tham gia biểu quyết',
    participatedBallot: 'Tham gia bỏ phiếu',
    votes: 'phiếu',
    passed: 'THÔNG QUA',
    failed: 'KHÔNG THÔNG QUA',
    elected: 'TRÚNG CỬ',
    notElected: 'KHÔNG TRÚNG CỬ',
    tied: 'PHẢI BẦU LẠI',
    requiredYes: 'Cần ít nhất {required}/{seated} phiếu tán thành',
    requiredElection: 'Cần ít nhất {required}/{seated} phiếu để trúng cử',
    lowMajority: 'Quá nửa tổng số đại biểu tín nhiệm thấp',
    lowTwoThirds: 'Từ hai phần ba tổng số đại biểu trở lên tín nhiệm thấp',
    noThreshold: 'Chưa đến quá nửa tổng số đại biểu tín nhiệm thấp',
    resolutionNumber: 'Nghị quyết số {code}',
    absent: 'Vắng mặt',
    notPressed: 'Không bấm',
  },
  en: {
    present: 'Present',
    participatedVote: 'Took part in the vote',
    participatedBallot: 'Ballots cast',
    votes: 'votes',
    passed: 'ADOPTED',
    failed: 'NOT ADOPTED',
    elected: 'ELECTED',
    notElected: 'NOT ELECTED',
    tied: 'TIE — VOTE AGAIN',
    requiredYes: 'Needs at least {required} of {seated} in favour',
    requiredElection: 'Needs at least {required} of {seated} votes to be elected',
    lowMajority: 'More than half of all delegates rated low',
    lowTwoThirds: 'Two thirds or more of all delegates rated low',
    noThreshold: 'Fewer than half of all delegates rated low',
    resolutionNumber: 'Resolution No. {code}',
    absent: 'Absent',
    notPressed: 'Did not vote',
  },
} as const satisfies Record<VocabLang, Record<string, string>>;

export type ResultWordKey = keyof (typeof RESULT_WORDS)['vi'];

/**
 * "tham gia biểu quyết" for a vote on a motion, "tham gia bỏ phiếu" for an election or a confidence rating:
 * the same on every screen, in the minutes and on the portal. Sentence case (lower-case first letter).
 */
export function participationPhrase(kind: RoundResult['kind'], lang: VocabLang): string {
  const word = kind === 'options' ? RESULT_WORDS[lang].participatedVote : RESULT_WORDS[lang].participatedBallot;
  return word.charAt(0).toLocaleLowerCase(lang) + word.slice(1);
}
