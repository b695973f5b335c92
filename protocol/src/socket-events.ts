// The live commands of each Socket.IO namespace, described once: per event, the zod schema its payload must
// pass and (as a type only) what its acknowledgement carries. The client's event maps (events.ts) and the
// server's handler maps (server/src/transport/socket-handlers.ts) are both derived from these objects, so a
// handler answering the wrong thing, or a payload type drifting from its schema, is a compile error.

import type { z } from 'zod';
import type { AttendanceRecord, DisplayState, Session, SpeakerEntry } from './model';
import {
  AgendaCurrentSchema,
  AttendanceSetSchema,
  DisplayShowSchema,
  EmptySchema,
  MotionAdhocSchema,
  MotionOpenSchema,
  RoundCancelSchema,
  RoundRefSchema,
  SessionRefSchema,
  QuestionRequestSchema,
  SpeakerAddSchema,
  SpeakerMarkSchema,
  SpeakerMoveSchema,
  SpeakerRefSchema,
  SyncSchema,
  VoteCastSchema,
} from './schemas';
import { NoteAddSchema, NoteListSchema, NoteRefSchema, NoteUpdateSchema } from './note-schemas';
import type { DocumentNote } from './notes';
import { fastVoteCast } from './vote-cast-fast';
import type { BallotReceipt, ChairSnapshot, DelegateMe, HallView, LiveSnapshot, NamedBoardEntry, RoundView } from './views';

/** One client→server event: its payload schema, and its ack's data type (`ack` is never set: a type carrier). */
export interface EventSpec<S extends z.ZodType = z.ZodType, A = unknown> {
  readonly payload: S;
  readonly ack?: A;
  /** One line for docs/api.md. */
  readonly doc: string;
  /** Optional: a check that decides the commonest payloads faster than the schema, returning the schema's very
   * output, or undefined to leave the payload to the schema (see vote-cast-fast.ts). */
  readonly fast?: (payload: unknown) => z.output<S> | undefined;
}

/** `event<AckData>()(schema, doc)`: the ack type is written explicitly, the payload type inferred from the schema. */
const event =
  <A>() =>
  <S extends z.ZodType>(payload: S, doc: string, fast?: (payload: unknown) => z.output<S> | undefined): EventSpec<S, A> =>
    fast ? { payload, doc, fast } : { payload, doc };

export type EventSpecs = Record<string, EventSpec>;
/** The payload as the server's handler sees it (after the schema's defaults). */
export type PayloadOf<E> = E extends EventSpec<infer S, unknown> ? z.output<S> : never;
/** The payload as a client writes it (before the schema's defaults). */
export type PayloadInputOf<E> = E extends EventSpec<infer S, unknown> ? z.input<S> : never;
export type AckOf<E> = E extends EventSpec<z.ZodType, infer A> ? A : never;

export const CHAIR_EVENTS = {
  'session:sync': event<ChairSnapshot>()(SyncSchema, 'The whole chair snapshot (after a reconnect or a gap in the patch sequence).'),
  'session:select': event<Session>()(SessionRefSchema, 'Make a session the current one.'),
  'session:open': event<Session>()(SessionRefSchema, 'Open the session.'),
  'session:close': event<Session>()(SessionRefSchema, 'Close the session.'),
  'rollcall:open': event<Session>()(EmptySchema, 'Open the roll call of the current session.'),
  'rollcall:close': event<Session>()(EmptySchema, 'Close the roll call.'),
  'attendance:set': event<AttendanceRecord | null>()(AttendanceSetSchema, "Set one delegate's attendance (the secretariat's correction)."),
  'agenda:current': event<Session>()(AgendaCurrentSchema, 'Set (or clear) the agenda item under discussion.'),
  'motion:open': event<RoundView>()(MotionOpenSchema, 'Open a vote on a prepared motion (commandId makes a retry idempotent).'),
  'motion:adhoc': event<RoundView>()(MotionAdhocSchema, 'Prepare and open a motion in one step.'),
  'round:close': event<RoundView>()(RoundRefSchema, 'Close an open vote.'),
  'round:announce': event<RoundView>()(RoundRefSchema, 'Announce a closed vote’s result.'),
  'round:cancel': event<RoundView>()(RoundCancelSchema, 'Cancel a vote, with the reason recorded.'),
  'round:board': event<NamedBoardEntry[]>()(RoundRefSchema, 'The named board of a named vote.'),
  'speaker:add': event<SpeakerEntry>()(SpeakerAddSchema, 'Add a speaker to the queue (a delegate or a guest).'),
  'speaker:give': event<SpeakerEntry>()(SpeakerRefSchema, 'Give the floor to a queued speaker.'),
  'speaker:finish': event<SpeakerEntry>()(SpeakerRefSchema, 'End the current speech.'),
  'speaker:remove': event<SpeakerEntry>()(SpeakerRefSchema, 'Remove a speaker from the queue.'),
  'speaker:move': event<SpeakerEntry>()(SpeakerMoveSchema, 'Move a queued speaker to another place in the queue.'),
  'speaker:mark': event<SpeakerEntry>()(SpeakerMarkSchema, 'Mark (or unmark) a queued request as a rebuttal.'),
  'question:answer': event<SpeakerEntry>()(SpeakerRefSchema, 'Give the floor to the person answering a question (after the questioner).'),
  'display:show': event<DisplayState>()(DisplayShowSchema, 'What the hall displays show (and, for a named result, the name list or the seat map).'),
} as const satisfies EventSpecs;

export const DELEGATE_EVENTS = {
  'session:sync': event<{ snapshot: LiveSnapshot; me: DelegateMe }>()(SyncSchema, 'The live snapshot and the delegate’s own state.'),
  'attendance:checkin': event<DelegateMe>()(EmptySchema, 'Check in during the roll call.'),
  'vote:cast': event<BallotReceipt>()(VoteCastSchema, 'Cast (or, while allowed, change) a ballot; the receipt comes back in the ack.', fastVoteCast),
  'vote:mine': event<BallotReceipt | null>()(RoundRefSchema, 'The delegate’s own receipt for a round (null: no ballot).'),
  'speaker:request': event<SpeakerEntry>()(EmptySchema, 'Ask for the floor.'),
  'speaker:withdraw': event<SpeakerEntry>()(EmptySchema, 'Withdraw the request.'),
  'speaker:finish': event<SpeakerEntry>()(EmptySchema, 'The delegate who has the floor ends their own speech.'),
  'question:request': event<SpeakerEntry>()(QuestionRequestSchema, 'Register a question (chất vấn) to a named person.'),
  'question:withdraw': event<SpeakerEntry>()(SpeakerRefSchema, 'Withdraw one of one’s own questions while it waits.'),
  'note:list': event<DocumentNote[]>()(NoteListSchema, 'The delegate’s own private notes and highlights on a document (nobody else’s).'),
  'note:add': event<DocumentNote>()(NoteAddSchema, 'Add a private note or highlight to a page of a document.'),
  'note:update': event<DocumentNote>()(NoteUpdateSchema, 'Change the text of one of the delegate’s own notes.'),
  'note:remove': event<{ noteId: string }>()(NoteRefSchema, 'Delete one of the delegate’s own notes (it is erased from the disk).'),
} as const satisfies EventSpecs;

export const DISPLAY_EVENTS = {
  'session:sync': event<LiveSnapshot>()(SyncSchema, 'The live snapshot.'),
  'round:board': event<NamedBoardEntry[]>()(RoundRefSchema, 'The named board of a named vote.'),
  'hall:map': event<HallView>()(EmptySchema, "The seat map with each seat's delegate and attendance today (attendance and speaker slides)."),
} as const satisfies EventSpecs;
