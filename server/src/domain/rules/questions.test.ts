// Question time (chất vấn) in the domain: a delegate registers a question to a named person, the chair gives the
// floor to the questioner, then to the person answering, each with their own time; every step is an event.

import { describe, expect, it } from 'vitest';
import { ERRORS, questionStage } from '@hddt/protocol';
import { delegateMe } from '../views';
import { speakersOf } from '../queries';
import { demoHall, replay, type Hall } from '../test-support';

const ASK = { answererName: 'Lê Văn Bình', answererTitle: 'Giám đốc Sở Y tế', topic: 'Tiến độ xây dựng trạm y tế đặc khu' };

function ask(hall: Hall, seat: number, overrides: Partial<typeof ASK> = {}): string {
  return hall.do({ type: 'question.request', delegateId: hall.delegate(seat), ...ASK, ...overrides }).result!.entryId!;
}

describe('registering a question', () => {
  it('joins the speaker queue with the person asked, the topic and the council’s two times', () => {
    const hall = demoHall({ delegates: 5, checkedIn: 5 });
    const id = ask(hall, 2, { answererName: '  Lê Văn Bình ', topic: ' Trạm y tế  ' });
    expect(hall.log.at(-1)!.event.type).toBe('question.requested');
    expect(hall.state.speakers[id]).toMatchObject({
      status: 'waiting',
      delegateId: hall.delegate(2),
      name: 'Đại biểu số 2',
      title: 'Đại biểu HĐND',
      limitSec: 180,
      requestedAt: hall.ctx.clock.now,
      question: {
        answererName: 'Lê Văn Bình',
        answererTitle: 'Giám đốc Sở Y tế',
        topic: 'Trạm y tế',
        answerLimitSec: 300,
        answerStartedAt: null,
        answerEndedAt: null,
      },
    });
    expect(questionStage(hall.state.speakers[id]!)).toBe('waiting');
  });

  it('takes the council’s own question and answer times', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3, council: { questionTimeSec: 120, answerTimeSec: 420 } });
    const id = ask(hall, 1);
    expect(hall.state.speakers[id]).toMatchObject({ limitSec: 120, question: { answerLimitSec: 420 } });
  });

  it('refuses empty or overlong input with a message in Vietnamese and English', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const d = hall.delegate(1);
    const code = (o: Partial<typeof ASK>) => hall.codeOf({ type: 'question.request', delegateId: d, ...ASK, ...o });
    expect(code({ topic: '   ' })).toBe('QUESTION_TOPIC_REQUIRED');
    expect(code({ topic: 'x'.repeat(501) })).toBe('QUESTION_TOPIC_TOO_LONG');
    expect(code({ topic: 'x'.repeat(500) })).toBeNull();
    expect(code({ answererName: '' })).toBe('ANSWERER_REQUIRED');
    expect(code({ answererName: 'x'.repeat(201) })).toBe('ANSWERER_TOO_LONG');
    expect(code({ answererTitle: 'x'.repeat(201) })).toBe('ANSWERER_TOO_LONG');
    // A title is not required: someone typed freely may have none.
    expect(code({ answererTitle: '' })).toBeNull();
    for (const c of ['QUESTION_TOPIC_REQUIRED', 'QUESTION_TOPIC_TOO_LONG', 'ANSWERER_REQUIRED', 'ANSWERER_TOO_LONG', 'QUESTION_LIMIT'] as const) {
      const [vi, en] = ERRORS[c];
      expect(vi).toMatch(/chất vấn/);
      expect(en.length).toBeGreaterThan(10);
    }
    expect(hall.log.filter((l) => l.event.type === 'question.requested')).toHaveLength(0);
  });

  it('the same question sent twice is one entry; another one is a second entry, up to three waiting', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 1);
    expect(ask(hall, 1)).toBe(a);
    const b = ask(hall, 1, { topic: 'Khám chữa bệnh cho người dân vùng đảo' });
    ask(hall, 1, { answererName: 'Phạm Thị Cúc', answererTitle: 'Giám đốc Sở Giáo dục' });
    expect(new Set([a, b]).size).toBe(2);
    expect(hall.codeOf({ type: 'question.request', delegateId: hall.delegate(1), ...ASK, topic: 'Thứ tư' })).toBe('QUESTION_LIMIT');
    // A question does not block a request to speak, nor the other way round.
    const speech = hall.do({ type: 'speaker.request', delegateId: hall.delegate(1) }).result!.entryId!;
    expect(hall.state.speakers[speech]!.question).toBeUndefined();
    hall.do({ type: 'speaker.withdraw', delegateId: hall.delegate(1) });
    expect(hall.state.speakers[speech]!.status).toBe('withdrawn');
    expect(hall.state.speakers[a]!.status).toBe('waiting');
  });

  it('two delegates may question the same official: two entries, in the order asked', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 2);
    const b = ask(hall, 3);
    expect(a).not.toBe(b);
    expect(speakersOf(hall.state, hall.session.id).map((e) => e.id)).toEqual([a, b]);
    hall.do({ type: 'speaker.give', entryId: a });
    hall.do({ type: 'question.answer', entryId: a });
    hall.do({ type: 'speaker.give', entryId: b });
    hall.do({ type: 'question.answer', entryId: b });
    expect(questionStage(hall.state.speakers[a]!)).toBe('answered');
    expect(questionStage(hall.state.speakers[b]!)).toBe('answer');
  });

  it('only a seated delegate, in an open session', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    hall.do({ type: 'delegate.vacate', delegateId: hall.delegate(4), reason: 'x' });
    expect(hall.codeOf({ type: 'question.request', delegateId: hall.delegate(4), ...ASK })).toBe('NOT_SEATED');
    expect(hall.codeOf({ type: 'question.request', delegateId: 'nobody', ...ASK })).toBe('DELEGATE_NOT_FOUND');
    const closed = demoHall({ delegates: 3, open: false });
    expect(closed.codeOf({ type: 'question.request', delegateId: closed.delegate(1), ...ASK })).toBe('SESSION_NOT_OPEN');
  });
});

describe('withdrawing a question', () => {
  it('the delegate withdraws their own waiting question, not someone else’s, not once it is put', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 1);
    const b = ask(hall, 2);
    expect(hall.codeOf({ type: 'question.withdraw', delegateId: hall.delegate(2), entryId: a })).toBe('QUESTION_NOT_FOUND');
    hall.do({ type: 'question.withdraw', delegateId: hall.delegate(1), entryId: a });
    expect(hall.state.speakers[a]!.status).toBe('withdrawn');
    expect(hall.log.at(-1)!.event).toEqual({ type: 'speaker.withdrawn', entryId: a });
    // Withdrawing again is no new event.
    expect(hall.eventsOf({ type: 'question.withdraw', delegateId: hall.delegate(1), entryId: a })).toEqual([]);
    // Withdrawing while speaking: refused, the question goes on.
    hall.do({ type: 'speaker.give', entryId: b });
    expect(hall.codeOf({ type: 'question.withdraw', delegateId: hall.delegate(2), entryId: b })).toBe('QUESTION_NOT_WAITING');
    hall.do({ type: 'question.answer', entryId: b });
    expect(hall.codeOf({ type: 'question.withdraw', delegateId: hall.delegate(2), entryId: b })).toBe('QUESTION_NOT_WAITING');
    // A speech's entry is not a question.
    const speech = hall.do({ type: 'speaker.request', delegateId: hall.delegate(3) }).result!.entryId!;
    expect(hall.codeOf({ type: 'question.withdraw', delegateId: hall.delegate(3), entryId: speech })).toBe('QUESTION_NOT_FOUND');
    // speaker.withdraw withdraws a speech, never a question.
    const c = ask(hall, 3);
    hall.do({ type: 'speaker.withdraw', delegateId: hall.delegate(3) });
    expect([hall.state.speakers[speech]!.status, hall.state.speakers[c]!.status]).toEqual(['withdrawn', 'waiting']);
    expect(hall.codeOf({ type: 'speaker.withdraw', delegateId: hall.delegate(3) })).toBe('SPEAKER_NOT_FOUND');
  });
});

describe('the questioner’s turn, then the answer', () => {
  it('questioner, then the person asked, each with their own time; the display follows the floor', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    const id = ask(hall, 2);
    const d2 = hall.delegate(2);
    hall.ctx.advance(60);
    hall.do({ type: 'speaker.give', entryId: id });
    const t1 = hall.ctx.clock.now;
    expect(hall.state.speakers[id]).toMatchObject({ status: 'speaking', startedAt: t1, endedAt: null });
    expect(questionStage(hall.state.speakers[id]!)).toBe('question');
    expect(hall.state.display).toEqual({ mode: 'speaker', roundId: null });
    expect(delegateMe(hall.state, d2, hall.ctx.clock.day)!.speakerPosition).toBe(0);

    hall.ctx.advance(150);
    hall.do({ type: 'display.show', mode: 'agenda', roundId: null });
    const events = hall.eventsOf({ type: 'question.answer', entryId: id });
    expect(events).toEqual([
      { type: 'speaker.finished', entryId: id },
      { type: 'question.answer-started', entryId: id },
    ]);
    hall.do({ type: 'question.answer', entryId: id });
    const t2 = hall.ctx.clock.now;
    expect(hall.state.speakers[id]).toMatchObject({
      status: 'speaking',
      startedAt: t1,
      endedAt: t2,
      question: { answerStartedAt: t2, answerEndedAt: null },
    });
    expect(questionStage(hall.state.speakers[id]!)).toBe('answer');
    // The answer brings the display back to the floor.
    expect(hall.state.display).toEqual({ mode: 'speaker', roundId: null });
    // The official answers: the questioner no longer has the floor.
    expect(delegateMe(hall.state, d2, hall.ctx.clock.day)!.speakerPosition).toBeNull();
    expect(hall.eventsOf({ type: 'question.answer', entryId: id })).toEqual([]);

    hall.ctx.advance(280);
    hall.do({ type: 'speaker.finish', entryId: id });
    const t3 = hall.ctx.clock.now;
    expect(hall.state.speakers[id]).toMatchObject({ status: 'done', startedAt: t1, endedAt: t2, question: { answerStartedAt: t2, answerEndedAt: t3 } });
    expect(questionStage(hall.state.speakers[id]!)).toBe('answered');
    expect(hall.codeOf({ type: 'question.answer', entryId: id })).toBe('QUESTION_ALREADY_ANSWERED');
    expect(hall.eventsOf({ type: 'speaker.finish', entryId: id })).toEqual([]);
  });

  it('the chair may end the question first and give the answer later, after other questions', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    const a = ask(hall, 1);
    const b = ask(hall, 2);
    hall.do({ type: 'speaker.give', entryId: a });
    hall.ctx.advance(100);
    hall.do({ type: 'speaker.finish', entryId: a });
    expect(questionStage(hall.state.speakers[a]!)).toBe('asked');
    hall.do({ type: 'speaker.give', entryId: b });
    hall.ctx.advance(100);
    // Answering the first question ends the second questioner's turn.
    expect(hall.eventsOf({ type: 'question.answer', entryId: a })).toEqual([
      { type: 'speaker.finished', entryId: b },
      { type: 'question.answer-started', entryId: a },
    ]);
    hall.do({ type: 'question.answer', entryId: a });
    expect([questionStage(hall.state.speakers[a]!), questionStage(hall.state.speakers[b]!)]).toEqual(['answer', 'asked']);
    // Giving the floor to someone else ends the answer.
    const speech = hall.do({ type: 'speaker.request', delegateId: hall.delegate(3) }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId: speech });
    expect(hall.state.speakers[a]!.question!.answerEndedAt).toBe(hall.ctx.clock.now);
    expect(questionStage(hall.state.speakers[a]!)).toBe('answered');
    hall.do({ type: 'question.answer', entryId: b });
    expect(hall.state.speakers[speech]!.status).toBe('done');
  });

  it('the answer before the question is asked, or to a withdrawn question or a speech, is refused', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 1);
    expect(hall.codeOf({ type: 'question.answer', entryId: a })).toBe('QUESTION_NOT_ASKED');
    hall.do({ type: 'question.withdraw', delegateId: hall.delegate(1), entryId: a });
    expect(hall.codeOf({ type: 'question.answer', entryId: a })).toBe('QUESTION_NOT_FOUND');
    const speech = hall.do({ type: 'speaker.request', delegateId: hall.delegate(2) }).result!.entryId!;
    hall.do({ type: 'speaker.give', entryId: speech });
    expect(hall.codeOf({ type: 'question.answer', entryId: speech })).toBe('QUESTION_NOT_FOUND');
    expect(hall.codeOf({ type: 'question.answer', entryId: 'nope' })).toBe('QUESTION_NOT_FOUND');
  });

  it('the questioner may end their own turn; they cannot end the answer', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 1);
    const d1 = hall.delegate(1);
    // A waiting question is no place in the queue to speak.
    expect(delegateMe(hall.state, d1, hall.ctx.clock.day)!.speakerPosition).toBeNull();
    hall.do({ type: 'speaker.request', delegateId: hall.delegate(2) });
    hall.do({ type: 'speaker.request', delegateId: d1 });
    // Their request to speak counts everyone waiting before it, the question included.
    expect(delegateMe(hall.state, d1, hall.ctx.clock.day)!.speakerPosition).toBe(3);
    hall.do({ type: 'speaker.give', entryId: a });
    expect(delegateMe(hall.state, d1, hall.ctx.clock.day)!.speakerPosition).toBe(0);
  });

  it('closing the session ends the answer; nothing more can be asked or answered', () => {
    const hall = demoHall({ delegates: 3, checkedIn: 3 });
    const a = ask(hall, 1);
    const b = ask(hall, 2);
    hall.do({ type: 'speaker.give', entryId: a });
    hall.do({ type: 'question.answer', entryId: a });
    hall.do({ type: 'session.close', sessionId: hall.session.id });
    expect(hall.state.speakers[a]!.question!.answerEndedAt).toBe(hall.ctx.clock.now);
    expect(questionStage(hall.state.speakers[a]!)).toBe('answered');
    expect(hall.codeOf({ type: 'question.request', delegateId: hall.delegate(3), ...ASK })).toBe('SESSION_NOT_OPEN');
    expect(hall.codeOf({ type: 'question.answer', entryId: b })).toBe('SESSION_NOT_OPEN');
    expect(hall.codeOf({ type: 'question.withdraw', delegateId: hall.delegate(2), entryId: b })).toBe('SESSION_NOT_OPEN');
  });

  it('the log replays to the same state, questions and answers included', () => {
    const hall = demoHall({ delegates: 4, checkedIn: 4 });
    const a = ask(hall, 1);
    ask(hall, 2, { answererName: 'Trần Quốc Dũng', answererTitle: 'Phó Chủ tịch UBND' });
    hall.do({ type: 'speaker.give', entryId: a });
    hall.ctx.advance(30);
    hall.do({ type: 'question.answer', entryId: a });
    hall.ctx.advance(30);
    hall.do({ type: 'speaker.finish', entryId: a });
    expect(replay(hall.log)).toStrictEqual(hall.state);
  });
});
