// Protocol-shaped data for component tests: a 31-seat council (odd N) like the demo council, with real
// results (ties, secret ballot, election with three candidates, confidence rating).
import { testCouncil } from '@hddt/protocol/testing';
import type {
  AgendaItem,
  CouncilConfig,
  LiveSnapshot,
  Motion,
  NamedBoardEntry,
  RoundResult,
  RoundView,
  Session,
  SpeakerEntry,
  VoteOption,
} from '@hddt/protocol';
import { PROTOCOL_VERSION } from '@hddt/protocol';

export const council: CouncilConfig = testCouncil();
export const session: Session = {
  id: 's4',
  number: 4,
  title: 'Kỳ họp thường lệ cuối năm 2026',
  type: 'regular',
  startDate: '2026-12-03',
  endDate: '2026-12-04',
  place: 'Hội trường Trung tâm Hành chính đặc khu',
  isPublic: true,
  status: 'open',
  openedAt: '2026-12-03T01:00:00.000Z',
  closedAt: null,
  rollCallOpen: false,
  currentItemId: 'i2',
  chairName: 'Nguyễn Văn Hùng',
  secretaryName: 'Trần Thị Mai',
};

export const agenda: AgendaItem[] = [
  { id: 'i1', sessionId: 's4', order: 1, title: 'Khai mạc kỳ họp', presenter: 'Chủ tọa kỳ họp' },
  {
    id: 'i2',
    sessionId: 's4',
    order: 2,
    title: 'Tờ trình về dự toán ngân sách nhà nước năm 2027 và phân bổ ngân sách đặc khu',
    presenter: 'Ủy ban nhân dân đặc khu',
  },
  { id: 'i3', sessionId: 's4', order: 3, title: 'Báo cáo thẩm tra của Ban Kinh tế - Ngân sách', presenter: 'Trưởng Ban Kinh tế - Ngân sách' },
  { id: 'i4', sessionId: 's4', order: 4, title: 'Thảo luận và biểu quyết thông qua các nghị quyết', presenter: '' },
  { id: 'i5', sessionId: 's4', order: 5, title: 'Bế mạc kỳ họp', presenter: 'Chủ tọa kỳ họp' },
];

function motion(id: string, over: Partial<Motion>): Motion {
  return {
    id,
    sessionId: 's4',
    itemId: 'i2',
    question: '',
    kind: 'ordinary',
    mode: 'named',
    interim: 'progress',
    durationSec: 60,
    candidates: [],
    seats: 1,
    practice: false,
    resolution: true,
    normative: false,
    ...over,
  };
}

export const motions: Motion[] = [
  motion('m-budget', { question: 'Thông qua Nghị quyết về dự toán ngân sách nhà nước năm 2027 của đặc khu Côn Đảo' }),
  motion('m-practice', { question: 'Biểu quyết thử: Đại biểu đã nhận đủ tài liệu kỳ họp', practice: true, resolution: false, mode: 'anonymous' }),
  motion('m-secret', { question: 'Miễn nhiệm Ủy viên Ủy ban nhân dân đặc khu', kind: 'two-thirds', mode: 'secret' }),
  motion('m-election', {
    question: 'Bầu Phó Chủ tịch Ủy ban nhân dân đặc khu nhiệm kỳ 2021–2026',
    kind: 'election',
    mode: 'secret',
    resolution: false,
    candidates: [
      { id: 'c1', name: 'Nguyễn Văn An' },
      { id: 'c2', name: 'Trần Thị Bích Ngọc' },
      { id: 'c3', name: 'Lê Hoàng Cường' },
    ],
  }),
  motion('m-confidence', {
    question: 'Lấy phiếu tín nhiệm đối với người giữ chức vụ do Hội đồng nhân dân bầu',
    kind: 'confidence',
    mode: 'secret',
    resolution: false,
    candidates: [
      { id: 'p1', name: 'Phạm Minh Đức' },
      { id: 'p2', name: 'Võ Thị Thu Hằng' },
      { id: 'p3', name: 'Đặng Quốc Khánh' },
    ],
  }),
];

export function round(id: string, motionId: string, over: Partial<RoundView> = {}): RoundView {
  const m = motions.find((x) => x.id === motionId)!;
  return {
    id,
    motionId,
    sessionId: 's4',
    number: 1,
    mode: m.mode,
    status: 'open',
    openedAt: '2026-12-03T02:00:00.000Z',
    closesAt: '2026-12-03T02:01:00.000Z',
    closedAt: null,
    cancelledReason: null,
    seated: 31,
    present: 29,
    voted: 27,
    result: null,
    ...over,
  };
}

export const passedResult: RoundResult = {
  kind: 'options',
  seated: 31,
  present: 28,
  participated: 28,
  counts: { yes: 27, no: 0, abstain: 1 },
  required: 16,
  passed: true,
};
/** 15–15 of an odd N: a tie, and not "more than half of all delegates". */
export const tiedResult: RoundResult = {
  kind: 'options',
  seated: 31,
  present: 30,
  participated: 30,
  counts: { yes: 15, no: 15, abstain: 0 },
  required: 16,
  passed: false,
};
export const secretTwoThirdsResult: RoundResult = {
  kind: 'options',
  seated: 31,
  present: 30,
  participated: 30,
  counts: { yes: 20, no: 8, abstain: 2 },
  required: 21,
  passed: false,
};
export const electionResult: RoundResult = {
  kind: 'election',
  seated: 31,
  present: 29,
  participated: 29,
  seats: 1,
  required: 16,
  tieNeedsRevote: false,
  candidates: [
    { id: 'c1', name: 'Nguyễn Văn An', votes: 18, elected: true, tied: false },
    { id: 'c2', name: 'Trần Thị Bích Ngọc', votes: 9, elected: false, tied: false },
    { id: 'c3', name: 'Lê Hoàng Cường', votes: 2, elected: false, tied: false },
  ],
};
export const confidenceResult: RoundResult = {
  kind: 'confidence',
  seated: 31,
  present: 30,
  participated: 30,
  subjects: [
    { id: 'p1', name: 'Phạm Minh Đức', counts: { high: 20, medium: 7, low: 3 }, lowMajority: false, lowTwoThirds: false },
    { id: 'p2', name: 'Võ Thị Thu Hằng', counts: { high: 12, medium: 14, low: 4 }, lowMajority: false, lowTwoThirds: false },
    { id: 'p3', name: 'Đặng Quốc Khánh', counts: { high: 2, medium: 6, low: 22 }, lowMajority: true, lowTwoThirds: true },
  ],
};

const NAMES = [
  'Nguyễn Văn Hùng',
  'Trần Thị Mai',
  'Lê Văn Tám',
  'Phạm Thị Hồng Nhung',
  'Hoàng Văn Đức',
  'Huỳnh Thị Ngọc Ánh',
  'Võ Minh Quân',
  'Đặng Thị Thu Trang',
  'Bùi Văn Lực',
  'Đỗ Thị Hương Giang',
  'Hồ Sỹ Nguyên',
  'Ngô Thị Kim Oanh',
  'Dương Văn Phúc',
  'Lý Thị Diễm',
  'Trịnh Xuân Trường',
  'Mai Thị Phương Thảo',
  'Đinh Công Tráng',
  'Tạ Thị Yến',
  'Châu Văn Kiệt',
  'Lâm Thị Bảo Ngọc',
  'Phan Thanh Sơn',
  'Vương Thị Hạnh',
  'Quách Văn Tuấn',
  'Kiều Thị Loan',
  'Tôn Nữ Thị Hà',
  'Nguyễn Hữu Nghĩa',
  'Trương Thị Ánh Tuyết',
  'La Văn Khôi',
  'Cao Thị Xuân',
  'Ông Văn Đông',
  'Triệu Thị Ngọc Bích',
];

/** A named board for passedResult: 27 yes, 1 abstain, 3 did not vote (seats 25 and 30 absent, seat 12 present without voting). */
export const board: NamedBoardEntry[] = NAMES.map((fullName, i) => {
  const seat = i + 1;
  const option: VoteOption | null = seat === 7 ? 'abstain' : seat === 12 || seat === 25 || seat === 30 ? null : 'yes';
  return { delegateId: `d${seat}`, seat, fullName, option, choice: option ? { type: 'option', option } : null, present: seat !== 25 && seat !== 30 };
});

export const speakers: SpeakerEntry[] = [
  {
    id: 'sp1',
    sessionId: 's4',
    delegateId: 'd4',
    name: 'Phạm Thị Hồng Nhung',
    status: 'done',
    requestedAt: '2026-12-03T02:10:00.000Z',
    startedAt: '2026-12-03T02:11:00.000Z',
    endedAt: '2026-12-03T02:15:00.000Z',
    limitSec: 300,
  },
  {
    id: 'sp2',
    sessionId: 's4',
    delegateId: 'd9',
    name: 'Bùi Văn Lực',
    status: 'speaking',
    requestedAt: '2026-12-03T02:12:00.000Z',
    startedAt: '2026-12-03T02:20:00.000Z',
    endedAt: null,
    limitSec: 300,
  },
  {
    id: 'sp3',
    sessionId: 's4',
    delegateId: 'd16',
    name: 'Mai Thị Phương Thảo',
    status: 'waiting',
    requestedAt: '2026-12-03T02:13:00.000Z',
    startedAt: null,
    endedAt: null,
    limitSec: 300,
  },
  {
    id: 'sp4',
    sessionId: 's4',
    delegateId: 'd21',
    name: 'Phan Thanh Sơn',
    status: 'waiting',
    requestedAt: '2026-12-03T02:14:00.000Z',
    startedAt: null,
    endedAt: null,
    limitSec: 300,
  },
];

export function snapshot(over: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    protocolVersion: PROTOCOL_VERSION,
    seq: 100,
    serverTime: '2026-12-03T02:00:30.000Z',
    council,
    seatedCount: 31,
    session,
    agenda,
    documents: [],
    motions,
    rounds: [],
    attendance: { sessionId: 's4', day: '2026-12-03', seated: 31, present: 29, required: 21, quorumMet: true },
    speakers,
    display: { mode: 'welcome', roundId: null },
    ...over,
  };
}
