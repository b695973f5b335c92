// Protocol-shaped data for the apps' tests (what the server sends, not mocks of it): the special-zone council of
// the demo, with the labels and rules of national practice. Imported as '@hddt/protocol/testing', never by
// application code.
import type { CouncilConfig } from './model';

export function testCouncil(overrides: Partial<CouncilConfig> = {}): CouncilConfig {
  return {
    id: 'demo',
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
    allowVoteChange: true,
    speakingTimeSec: 300,
    resolutionNumberFormat: '{n}/NQ-HĐND',
    normativeResolutionFormat: '{n}/{year}/NQ-HĐND',
    hallWifi: 'HDND-HoiTruong',
    ...overrides,
  };
}
