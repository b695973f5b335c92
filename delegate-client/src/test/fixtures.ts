// Protocol-shaped data for component tests (what the server sends, not mocks of it).
import type { CouncilConfig, Motion, RoundView } from '@hddt/protocol';

export const council: CouncilConfig = {
  id: 'council-test',
  name: { vi: 'Hội đồng nhân dân đặc khu Côn Đảo', en: 'Côn Đảo Special Zone People’s Council' },
  issuingBody: ['HỘI ĐỒNG NHÂN DÂN', 'ĐẶC KHU CÔN ĐẢO'],
  level: 'special-zone',
  term: '2021–2026',
  place: 'Côn Đảo',
  timeZone: 'Asia/Ho_Chi_Minh',
  voteLabels: {
    yes: { vi: 'Tán thành', en: 'In favour' },
    no: { vi: 'Không tán thành', en: 'Against' },
    abstain: { vi: 'Không biểu quyết', en: 'Abstain' },
  },
  confidenceLabels: {
    high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
    medium: { vi: 'Tín nhiệm', en: 'Confidence' },
    low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
  },
  quorum: { numerator: 2, denominator: 3, strict: false },
  thresholds: {
    ordinary: { numerator: 1, denominator: 2, strict: true },
    twoThirds: { numerator: 2, denominator: 3, strict: false },
    election: { numerator: 1, denominator: 2, strict: true },
  },
  allowVoteChange: false,
  speakingTimeSec: 300,
  resolutionNumberFormat: '{n}/NQ-HĐND',
  normativeResolutionFormat: '{n}/{year}/NQ-HĐND',
  hallWifi: '',
};

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
