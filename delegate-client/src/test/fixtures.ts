// Protocol-shaped data for component tests (what the server sends, not mocks of it).
import { testCouncil } from '@hddt/protocol/testing';
import type { CouncilConfig, DelegateMe, LiveSnapshot, Motion, RoundView } from '@hddt/protocol';

export const council: CouncilConfig = testCouncil({ id: 'council-test', allowVoteChange: false, hallWifi: '' });
export const motion: Motion = {
  id: 'm1',
  sessionId: 's1',
  itemId: 'i1',
  question: 'Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027',
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

export const round: RoundView = {
  id: 'r1',
  motionId: 'm1',
  sessionId: 's1',
  number: 1,
  mode: 'named',
  status: 'open',
  openedAt: '2026-07-05T02:00:00.000Z',
  closesAt: '2026-07-05T02:01:00.000Z',
  closedAt: null,
  cancelledReason: null,
  seated: 31,
  present: 28,
  voted: 3,
  result: null,
};

export const snapshot: LiveSnapshot = {
  protocolVersion: 1,
  seq: 5,
  serverTime: '2026-07-05T02:00:00.000Z',
  council,
  seatedCount: 31,
  session: {
    id: 's1',
    number: 4,
    title: 'Kỳ họp thường lệ giữa năm 2026',
    type: 'regular',
    startDate: '2026-07-05',
    endDate: '2026-07-06',
    place: 'Hội trường đặc khu',
    isPublic: true,
    status: 'open',
    openedAt: '2026-07-05T01:00:00.000Z',
    closedAt: null,
    rollCallOpen: true,
    currentItemId: 'i2',
    chairName: 'Nguyễn Văn An',
    secretaryName: 'Trần Thị Bình',
  },
  agenda: [
    { id: 'i1', sessionId: 's1', order: 1, title: 'Khai mạc kỳ họp', presenter: 'Chủ tọa' },
    { id: 'i2', sessionId: 's1', order: 2, title: 'Tờ trình về Kế hoạch đầu tư công năm 2027', presenter: 'Ủy ban nhân dân' },
  ],
  documents: [
    {
      id: 'd1', sessionId: 's1', itemId: 'i2', title: 'Tờ trình số 12/TTr-UBND', docType: 'to-trinh', confidential: false, published: false,
      fileName: 'to-trinh.pdf', mimeType: 'application/pdf', size: 1000, sha256: 'x', pages: 3, uploadedAt: '2026-07-01T00:00:00.000Z',
    },
    {
      id: 'd2', sessionId: 's1', itemId: 'i2', title: 'Báo cáo thẩm tra', docType: 'bao-cao-tham-tra', confidential: true, published: false,
      fileName: 'tham-tra.pdf', mimeType: 'application/pdf', size: 1000, sha256: 'y', pages: 1, uploadedAt: '2026-07-01T00:00:00.000Z',
    },
  ],
  motions: [motion],
  rounds: [],
  attendance: { sessionId: 's1', day: '2026-07-05', seated: 31, present: 20, required: 21, quorumMet: false },
  speakers: [],
  display: { mode: 'agenda', roundId: null },
};

export const me: DelegateMe = {
  delegate: { id: 'dl7', seat: 7, fullName: 'Bùi Văn Cường', title: 'Trưởng Ban Văn hóa - Xã hội', group: 'Tổ đại biểu số 3', seated: true, vacatedReason: null },
  checkedIn: false,
  ballots: [],
  speakerPosition: null,
};
