// Protocol-shaped data for store and component tests: a small council of 5 seated delegates + 1 vacancy.
import { PROTOCOL_VERSION } from '@hddt/protocol';
import { testCouncil } from '@hddt/protocol/testing';
import type { ChairSnapshot, CouncilConfig, Delegate, Motion, RoundView, Session } from '@hddt/protocol';

export const council: CouncilConfig = testCouncil({ id: 'c1', name: { vi: 'Hội đồng nhân dân đặc khu Côn Đảo', en: 'Con Dao Special Zone People’s Council' } });

const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoàng Cường', 'Phạm Thị Dung', 'Võ Minh Đức', 'Đặng Thu Hà'];
export const delegates: Delegate[] = names.map((fullName, i) => ({
  id: `d${i + 1}`,
  seat: i + 1,
  fullName,
  title: i === 0 ? 'Chủ tịch HĐND' : 'Đại biểu',
  group: `Tổ ${(i % 2) + 1}`,
  seated: i < 5,
  vacatedReason: i < 5 ? null : 'Chuyển công tác',
}));

export const session: Session = {
  id: 's1',
  number: 4,
  title: '',
  type: 'regular',
  startDate: '2026-07-05',
  endDate: '2026-07-06',
  place: 'Hội trường HĐND đặc khu',
  isPublic: true,
  status: 'open',
  openedAt: '2026-07-05T01:00:00.000Z',
  closedAt: null,
  rollCallOpen: true,
  currentItemId: 'a1',
  chairName: 'Nguyễn Văn An',
  secretaryName: 'Trần Thị Bích',
};

export const motion: Motion = {
  id: 'm1',
  sessionId: 's1',
  itemId: 'a1',
  question: 'Thông qua Nghị quyết về dự toán ngân sách năm 2027',
  kind: 'ordinary',
  mode: 'named',
  interim: 'progress',
  durationSec: 60,
  candidates: [],
  seats: 1,
  practice: false,
  resolution: true,
  normative: false,
};

export function openRound(overrides: Partial<RoundView> = {}): RoundView {
  return {
    id: 'r1',
    motionId: 'm1',
    sessionId: 's1',
    number: 1,
    mode: 'named',
    status: 'open',
    openedAt: '2026-07-05T02:00:00.000Z',
    closesAt: null,
    closedAt: null,
    cancelledReason: null,
    seated: 5,
    present: 4,
    voted: 2,
    result: null,
    voterIds: ['d1', 'd2'],
    ...overrides,
  };
}

export function snapshot(overrides: Partial<ChairSnapshot> = {}): ChairSnapshot {
  const at = '2026-07-05T01:05:00.000Z';
  return {
    protocolVersion: PROTOCOL_VERSION,
    seq: 10,
    serverTime: '2026-07-05T02:00:10.000Z',
    council,
    seatedCount: 5,
    session,
    agenda: [
      { id: 'a1', sessionId: 's1', order: 1, title: 'Dự toán ngân sách năm 2027', presenter: 'UBND đặc khu' },
      { id: 'a2', sessionId: 's1', order: 2, title: 'Kế hoạch đầu tư công', presenter: 'Ban Kinh tế - Ngân sách' },
    ],
    documents: [],
    motions: [motion],
    rounds: [],
    attendance: { sessionId: 's1', day: '2026-07-05', seated: 5, present: 4, required: 4, quorumMet: true },
    speakers: [],
    display: { mode: 'welcome', roundId: null },
    sessions: [session],
    delegates,
    attendanceRecords: ['d1', 'd2', 'd3', 'd4'].map((delegateId) => ({ delegateId, status: 'present' as const, at, by: 'self' as const, reason: null })),
    connectedDelegateIds: ['d1', 'd2', 'd3'],
    staff: { username: 'chair', role: 'chair' },
    ...overrides,
  };
}
