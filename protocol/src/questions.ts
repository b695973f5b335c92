// Question time (chất vấn): a delegate registers a question to a named person (usually an invited official),
// the chair gives the floor to the questioner, then to the person answering, each with their own time. One
// entry in the speaker queue carries both turns; these functions say whose turn it is, so the server, the
// console, the tablet and the display read one entry the same way. The input rule is shared by the tablet
// (before sending) and the server (before recording), so both refuse the same input with the same message.

import type { ErrorCode } from './errors';
import type { CouncilConfig, SpeakerEntry } from './model';

/** Defaults when the council has not set its own: 3 minutes to ask, 5 to answer. */
export const QUESTION_TIME_SEC = 180;
export const ANSWER_TIME_SEC = 300;
export const MAX_QUESTION_TOPIC = 500;
export const MAX_ANSWERER_TEXT = 200;
/** How many questions one delegate may have waiting at once. */
export const MAX_WAITING_QUESTIONS = 3;

export function questionTimes(council: Pick<CouncilConfig, 'questionTimeSec' | 'answerTimeSec'> | null | undefined): {
  questionSec: number;
  answerSec: number;
} {
  return { questionSec: council?.questionTimeSec ?? QUESTION_TIME_SEC, answerSec: council?.answerTimeSec ?? ANSWER_TIME_SEC };
}

export interface QuestionInput {
  answererName: string;
  answererTitle: string;
  topic: string;
}

/** The first problem with a question's input (after trimming), or null when it may be registered. */
export function questionInputProblem(input: QuestionInput): ErrorCode | null {
  const topic = input.topic.trim();
  const name = input.answererName.trim();
  const title = input.answererTitle.trim();
  if (name.length === 0) return 'ANSWERER_REQUIRED';
  if (name.length > MAX_ANSWERER_TEXT || title.length > MAX_ANSWERER_TEXT) return 'ANSWERER_TOO_LONG';
  if (topic.length === 0) return 'QUESTION_TOPIC_REQUIRED';
  if (topic.length > MAX_QUESTION_TOPIC) return 'QUESTION_TOPIC_TOO_LONG';
  return null;
}

/**
 * Where a question stands:
 * waiting → question (the delegate asks) → asked (the question is put, the answer is to come) → answer
 * (the person asked answers) → answered; or withdrawn while waiting.
 */
export type QuestionStage = 'waiting' | 'question' | 'asked' | 'answer' | 'answered' | 'withdrawn';

export function questionStage(entry: SpeakerEntry): QuestionStage | null {
  const q = entry.question;
  if (!q) return null;
  switch (entry.status) {
    case 'waiting':
      return 'waiting';
    case 'withdrawn':
      return 'withdrawn';
    case 'speaking':
      return q.answerStartedAt ? 'answer' : 'question';
    case 'done':
      return q.answerStartedAt ? 'answered' : 'asked';
    default: {
      const never: never = entry.status;
      return never;
    }
  }
}

/** Who holds the floor in an entry that is speaking: the speaker, the questioner, or the person answering. */
export interface FloorTurn {
  role: 'speech' | 'question' | 'answer';
  name: string;
  title: string;
  /** The delegate at the microphone, null for a guest or an answering official. */
  delegateId: string | null;
  startedAt: string | null;
  limitSec: number;
}

export function floorTurn(entry: SpeakerEntry): FloorTurn | null {
  if (entry.status !== 'speaking') return null;
  const q = entry.question;
  if (q?.answerStartedAt) {
    return { role: 'answer', name: q.answererName, title: q.answererTitle, delegateId: null, startedAt: q.answerStartedAt, limitSec: q.answerLimitSec };
  }
  return {
    role: q ? 'question' : 'speech',
    name: entry.name,
    title: entry.title ?? '',
    delegateId: entry.delegateId,
    startedAt: entry.startedAt,
    limitSec: entry.limitSec,
  };
}

/** Does this delegate hold the floor in the entry (their speech or their question, not the answer to it)? */
export function delegateHasFloor(entry: SpeakerEntry, delegateId: string): boolean {
  const turn = floorTurn(entry);
  return turn !== null && turn.delegateId === delegateId;
}

/** "Ông Nguyễn Văn A, Giám đốc Sở Y tế" style: a name and its title, when there is one. */
export function nameWithTitle(name: string, title: string | undefined): string {
  return title ? `${name} (${title})` : name;
}
