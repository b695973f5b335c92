// zod schemas for every payload a client sends. Nothing from the network is trusted until one of these
// accepts it; the server parses, the clients reuse them for form validation.

import { z } from 'zod';
import { isFileCopyLine } from './recipients';

export const MAX_TEXT = 2000;
export const MAX_NAME = 200;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const name = z.string().trim().min(1).max(MAX_NAME);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A wall-clock time "HH:MM" (00:00–23:59). */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/);
const commandId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const IdSchema = id;

export const LocalizedTextSchema = z.strictObject({ vi: name, en: name });

export const ThresholdSchema = z
  .strictObject({
    numerator: z.int().min(1).max(100),
    denominator: z.int().min(1).max(100),
    strict: z.boolean(),
  })
  .refine((t) => t.numerator <= t.denominator, { message: 'numerator must not exceed denominator' });

export const VoteOptionSchema = z.enum(['yes', 'no', 'abstain']);
export const ConfidenceLevelSchema = z.enum(['high', 'medium', 'low']);
export const MotionKindSchema = z.enum(['ordinary', 'two-thirds', 'election', 'confidence']);
export const BallotModeSchema = z.enum(['named', 'anonymous', 'secret']);
export const InterimSchema = z.enum(['progress', 'live']);
export const DisplayModeSchema = z.enum(['welcome', 'agenda', 'vote', 'result', 'speaker', 'attendance']);
export const SessionTypeSchema = z.enum(['regular', 'thematic', 'standing', 'committee']);
export const DocumentTypeSchema = z.enum(['to-trinh', 'bao-cao', 'bao-cao-tham-tra', 'du-thao-nghi-quyet', 'nghi-quyet', 'other']);
export const CouncilLevelSchema = z.enum(['province', 'commune', 'special-zone', 'other']);

export const BallotChoiceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('option'), option: VoteOptionSchema }),
  z.strictObject({ type: z.literal('election'), candidateIds: z.array(id).max(100) }),
  z.strictObject({
    type: z.literal('confidence'),
    ratings: z.record(id, ConfidenceLevelSchema).refine((r) => Object.keys(r).length <= 100, 'too many ratings'),
  }),
]);

// ---- Setup (REST, secretariat) ----

/**
 * An IANA time-zone name ("Asia/Ho_Chi_Minh", "UTC") that this runtime knows: the council's dates are written in
 * it. UTC offsets ("+07:00") are refused: they do not name a zone.
 */
export function isTimeZoneName(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * "Nơi nhận" of the minutes: one recipient a line (a leading "-" and a closing ";" or "." are optional: the
 * documents print them), at most 20 lines, the last the file copy "Lưu: VT, …" as Nghị định 30/2020/NĐ-CP
 * ends every list.
 */
const recipientLines = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(MAX_NAME)
      .regex(/^[^\r\n]*$/),
  )
  .max(20);
const endsWithFileCopy = (lines: string[]) => lines.length === 0 || isFileCopyLine(lines[lines.length - 1]!);
/** The refusal's text, in both languages (the console shows its own translation of it). */
export const RECIPIENTS_FILE_COPY_MESSAGE = 'Dòng cuối phải là nơi lưu “Lưu: VT, …” / The last line must be the file copy “Lưu: VT, …”';
export const RecipientsSchema = recipientLines.min(1).refine(endsWithFileCopy, { message: RECIPIENTS_FILE_COPY_MESSAGE });
/** A session's own list, in its minutes notes; empty: the council's. */
export const OwnRecipientsSchema = recipientLines.refine(endsWithFileCopy, { message: RECIPIENTS_FILE_COPY_MESSAGE });

export const CouncilPatchSchema = z
  .strictObject({
    name: LocalizedTextSchema,
    issuingBody: z.array(name).min(1).max(4),
    level: CouncilLevelSchema,
    term: name,
    termOrdinal: z.string().trim().max(20),
    place: name,
    timeZone: z.string().trim().min(1).max(64).refine(isTimeZoneName, { message: 'unknown time zone' }),
    voteLabels: z.strictObject({ yes: LocalizedTextSchema, no: LocalizedTextSchema, abstain: LocalizedTextSchema }),
    confidenceLabels: z.strictObject({ high: LocalizedTextSchema, medium: LocalizedTextSchema, low: LocalizedTextSchema }),
    quorum: ThresholdSchema,
    thresholds: z.strictObject({
      ordinary: ThresholdSchema,
      twoThirds: ThresholdSchema,
      election: ThresholdSchema,
      lowConfidence: ThresholdSchema.optional(),
      lowConfidenceDismissal: ThresholdSchema.optional(),
    }),
    allowVoteChange: z.boolean(),
    speakingTimeSec: z.int().min(30).max(3600),
    questionTimeSec: z.int().min(30).max(3600),
    answerTimeSec: z.int().min(30).max(3600),
    resolutionNumberFormat: z.string().min(3).max(64).includes('{n}'),
    normativeResolutionFormat: z.string().min(3).max(64).includes('{n}'),
    hallWifi: z.string().trim().max(MAX_NAME),
    minutesRecipients: RecipientsSchema,
  })
  .partial();
export type CouncilPatch = z.infer<typeof CouncilPatchSchema>;

export const DelegateInputSchema = z.strictObject({
  seat: z.int().min(1).max(10000),
  fullName: name,
  title: z.string().trim().max(MAX_NAME).default(''),
  group: z.string().trim().max(MAX_NAME).default(''),
});
export type DelegateInput = z.infer<typeof DelegateInputSchema>;

export const DelegatePatchSchema = DelegateInputSchema.partial();
export type DelegatePatch = z.infer<typeof DelegatePatchSchema>;

export const VacateSchema = z.strictObject({ reason: name });

/** A guest or a member of the counting board: a name and a position. */
export const SessionPersonSchema = z.strictObject({ name, title: z.string().trim().max(MAX_NAME).default('') });

export const SessionInputSchema = z
  .strictObject({
    number: z.int().min(1).max(999),
    title: z.string().trim().max(MAX_NAME).default(''),
    type: SessionTypeSchema.default('regular'),
    startDate: isoDate,
    endDate: isoDate,
    startTime: clockTime.nullable().optional(),
    place: name,
    isPublic: z.boolean().default(true),
    chairName: z.string().trim().max(MAX_NAME).default(''),
    secretaryName: z.string().trim().max(MAX_NAME).default(''),
    chairTitle: z.string().trim().max(MAX_NAME).optional(),
    secretaryTitle: z.string().trim().max(MAX_NAME).optional(),
    guests: z.array(SessionPersonSchema).max(200).optional(),
    countingBoard: z.array(SessionPersonSchema).max(20).optional(),
    /** Empty: the council's list. */
  })
  .refine((s) => s.endDate >= s.startDate, { message: 'endDate before startDate', path: ['endDate'] });
export type SessionInput = z.infer<typeof SessionInputSchema>;

export const SessionPatchSchema = z
  .strictObject({
    number: z.int().min(1).max(999),
    title: z.string().trim().max(MAX_NAME),
    type: SessionTypeSchema,
    startDate: isoDate,
    endDate: isoDate,
    startTime: clockTime.nullable(),
    place: name,
    isPublic: z.boolean(),
    chairName: z.string().trim().max(MAX_NAME),
    secretaryName: z.string().trim().max(MAX_NAME),
    chairTitle: z.string().trim().max(MAX_NAME),
    secretaryTitle: z.string().trim().max(MAX_NAME),
    guests: z.array(SessionPersonSchema).max(200),
    countingBoard: z.array(SessionPersonSchema).max(20),
  })
  .partial();
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

export const AgendaItemInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  presenter: z.string().trim().max(MAX_NAME).default(''),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInputSchema>;
export const AgendaItemPatchSchema = AgendaItemInputSchema.partial();
export const AgendaReorderSchema = z.strictObject({ itemIds: z.array(id).min(1).max(500) });

export const DocumentMetaSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  docType: DocumentTypeSchema.default('other'),
  itemId: id.nullable().default(null),
  confidential: z.boolean().default(false),
  published: z.boolean().default(false),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
export const DocumentPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(500),
    docType: DocumentTypeSchema,
    itemId: id.nullable(),
    confidential: z.boolean(),
    published: z.boolean(),
  })
  .partial();

export const CandidateInputSchema = z.strictObject({ id: id.optional(), name });

export const MotionInputSchema = z
  .strictObject({
    itemId: id.nullable().default(null),
    question: z.string().trim().min(1).max(1000),
    kind: MotionKindSchema.default('ordinary'),
    mode: BallotModeSchema.default('named'),
    interim: InterimSchema.default('progress'),
    durationSec: z.int().min(10).max(3600).nullable().default(null),
    candidates: z.array(CandidateInputSchema).max(100).default([]),
    seats: z.int().min(1).max(100).default(1),
    practice: z.boolean().default(false),
    resolution: z.boolean().default(false),
    normative: z.boolean().default(false),
    resolutionTitle: z.string().trim().max(1000).optional(),
  })
  .superRefine((m, ctx) => {
    if ((m.kind === 'election' || m.kind === 'confidence') && m.candidates.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['candidates'], message: 'candidates required' });
    }
    if (m.kind === 'election' && m.seats > m.candidates.length) {
      ctx.addIssue({ code: 'custom', path: ['seats'], message: 'more seats than candidates' });
    }
    if (m.kind === 'confidence' && m.mode !== 'secret') {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'confidence rating is always secret' });
    }
  });
export type MotionInput = z.infer<typeof MotionInputSchema>;

// ---- Live commands (Socket.IO) ----

export const EmptySchema = z.strictObject({}).optional();
export const SessionRefSchema = z.strictObject({ sessionId: id });
export const AttendanceSetSchema = z.strictObject({
  delegateId: id,
  status: z.enum(['present', 'excused', 'absent']),
  reason: z.string().trim().max(500).nullable().default(null),
});
export const AgendaCurrentSchema = z.strictObject({ itemId: id.nullable() });
export const MotionOpenSchema = z.strictObject({ motionId: id, commandId });
export const MotionAdhocSchema = z.strictObject({ motion: MotionInputSchema, commandId });
export const RoundRefSchema = z.strictObject({ roundId: id });
export const RoundCancelSchema = z.strictObject({ roundId: id, reason: z.string().trim().min(1).max(500) });
export const SpeakerAddSchema = z.strictObject({
  name,
  delegateId: id.nullable().default(null),
  title: z.string().trim().max(MAX_NAME).default(''),
});
export const SpeakerRefSchema = z.strictObject({ entryId: id });
/** Moves a waiting entry to a place in the waiting queue (0 = next to speak); a place past the end means last. */
export const SpeakerMoveSchema = z.strictObject({ entryId: id, position: z.int().min(0).max(10_000) });
export const SpeakerMarkSchema = z.strictObject({ entryId: id, rebuttal: z.boolean() });
/**
 * A delegate's question (chất vấn). Only the shape is checked here: lengths and empties are the domain's rule
 * (questionInputProblem), which answers with a message naming the field instead of a bare BAD_REQUEST.
 */
export const QuestionRequestSchema = z.strictObject({
  answererName: z.string().max(5000),
  answererTitle: z.string().max(5000).default(''),
  topic: z.string().max(5000),
});
export const DisplayBoardSchema = z.enum(['names', 'seats']);
/** `board` left out keeps the board the chair chose last (the name list until one is chosen). */
export const DisplayShowSchema = z.strictObject({ mode: DisplayModeSchema, roundId: id.nullable().default(null), board: DisplayBoardSchema.optional() });
export const VoteCastSchema = z.strictObject({ roundId: id, choice: BallotChoiceSchema });
export const SyncSchema = z.strictObject({ sinceSeq: z.int().min(0).optional() }).optional();

export const StaffLoginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const StaffCreateSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  displayName: name,
  role: z.enum(['secretariat', 'chair', 'editor', 'board-head']),
  password: z.string().min(10).max(256),
});
export const PasswordResetSchema = z.strictObject({ password: z.string().min(10).max(256) });

export const HandshakeSchema = z.strictObject({
  protocolVersion: z.int(),
  token: z.string().min(1).max(200).optional(),
  takeover: z.boolean().optional(),
  deviceId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

export * from './portal-content-schemas';

/**
 * The hall's seat map as the console's editor sends it (PUT /api/hall-layout). Only the shape and a size guard
 * here: the hall's own limits and the roster check (protocol's layoutProblems) give reasons naming the seat.
 */
export const HallLayoutSchema = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        blocks: z
          .array(z.array(z.int().min(1).max(10000)).max(500))
          .min(1)
          .max(20),
      }),
    )
    .max(500),
});

export { fastVoteCast, type OptionVoteCast } from './vote-cast-fast';
