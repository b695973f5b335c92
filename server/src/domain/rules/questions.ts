// Question time (chất vấn). A question is an entry in the speaker queue that carries `question`: the chair gives
// the floor to the questioner with speaker.give (the delegate's turn, the council's question time), then to the
// person asked with question.answer (their own turn, the answer time); speaker.finish ends whichever turn is on.
// Reordering, removing and the hall display work as for any speaker.

import { MAX_WAITING_QUESTIONS, questionInputProblem, questionStage, questionTimes } from '@hddt/protocol';
import type { DomainEvent } from '../types';
import { requireActiveOpenSession, speakersOf } from '../queries';
import type { Deciders, Evolvers } from './kit';
import { fail, ok } from './kit';
import { enqueueSpeaker, moveSpeaker, newSpeaker, showFloorOnDisplay } from './speakers';

type QuestionCommand = 'question.request' | 'question.withdraw' | 'question.answer';
type QuestionEvent = 'question.requested' | 'question.answer-started';

export const questionDeciders: Deciders<QuestionCommand> = {
  'question.request': (state, command, ctx) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const d = state.delegates[command.delegateId];
    if (!d) return fail('DELEGATE_NOT_FOUND');
    if (!d.seated) return fail('NOT_SEATED');
    const problem = questionInputProblem(command);
    if (problem) return fail(problem);
    const answererName = command.answererName.trim();
    const answererTitle = command.answererTitle.trim();
    const topic = command.topic.trim();
    const waiting = speakersOf(state, s.id).filter((e) => e.delegateId === d.id && e.question && e.status === 'waiting');
    // The same question sent again (a retry after a lost ack) is the one already waiting.
    const same = waiting.find((e) => e.question!.answererName === answererName && e.question!.topic === topic);
    if (same) return ok([], { result: { entryId: same.id } });
    if (waiting.length >= MAX_WAITING_QUESTIONS) return fail('QUESTION_LIMIT');
    const times = questionTimes(state.council);
    const entry = {
      ...newSpeaker(ctx, s.id, d.id, d.fullName, d.title, times.questionSec),
      question: { answererName, answererTitle, topic, answerLimitSec: times.answerSec, answerStartedAt: null, answerEndedAt: null },
    };
    return ok([{ type: 'question.requested', entry }], { result: { entryId: entry.id } });
  },

  'question.withdraw': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const entry = state.speakers[command.entryId];
    // Another delegate's question is as unknown as a missing one.
    if (!entry?.question || entry.sessionId !== s.id || entry.delegateId !== command.delegateId) return fail('QUESTION_NOT_FOUND');
    if (entry.status === 'withdrawn') return ok([], { result: { entryId: entry.id } });
    if (entry.status !== 'waiting') return fail('QUESTION_NOT_WAITING');
    return ok([{ type: 'speaker.withdrawn', entryId: entry.id }], { result: { entryId: entry.id } });
  },

  'question.answer': (state, command) => {
    const s = requireActiveOpenSession(state);
    if (typeof s === 'string') return fail(s);
    const entry = state.speakers[command.entryId];
    if (!entry || entry.sessionId !== s.id) return fail('QUESTION_NOT_FOUND');
    const stage = questionStage(entry);
    switch (stage) {
      case null:
      case 'withdrawn':
        return fail('QUESTION_NOT_FOUND');
      case 'waiting':
        return fail('QUESTION_NOT_ASKED');
      case 'answer':
        return ok([], { result: { entryId: entry.id } });
      case 'answered':
        return fail('QUESTION_ALREADY_ANSWERED');
      case 'question':
      case 'asked': {
        // One floor at a time: the questioner (if still speaking) and anyone else speaking end first.
        const events: DomainEvent[] = [];
        for (const e of speakersOf(state, s.id)) {
          if (e.status === 'speaking') events.push({ type: 'speaker.finished', entryId: e.id });
        }
        events.push({ type: 'question.answer-started', entryId: entry.id });
        return ok(events, { result: { entryId: entry.id } });
      }
      default: {
        const never: never = stage;
        return never;
      }
    }
  },
};

export const questionEvolvers: Evolvers<QuestionEvent> = {
  'question.requested': (b, d, event) => enqueueSpeaker(b, d, event.entry),
  'question.answer-started': (b, d, event, at) => {
    moveSpeaker((e, when) => (e.question ? { ...e, status: 'speaking', question: { ...e.question, answerStartedAt: when, answerEndedAt: null } } : e))(
      b,
      d,
      event,
      at,
    );
    showFloorOnDisplay(d, event.entryId);
  },
};
