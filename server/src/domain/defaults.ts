// Defaults from national practice. Every one of them can be changed per council (BRIEF: council level,
// name, thresholds, labels and quorum come from configuration, never from constants in the rules).

import type { CouncilConfig, DisplayState } from '@hddt/protocol';
import { AT_LEAST_TWO_THIRDS, MORE_THAN_HALF } from './majority';

export function defaultCouncilConfig(id: string): CouncilConfig {
  return {
    id,
    name: { vi: 'Hội đồng nhân dân', en: "People's Council" },
    issuingBody: ['HỘI ĐỒNG NHÂN DÂN'],
    level: 'commune',
    term: '2026–2031',
    place: '',
    timeZone: 'Asia/Ho_Chi_Minh',
    voteLabels: {
      yes: { vi: 'Tán thành', en: 'In favour' },
      no: { vi: 'Không tán thành', en: 'Against' },
      abstain: { vi: 'Không biểu quyết', en: 'Not voting' },
    },
    confidenceLabels: {
      high: { vi: 'Tín nhiệm cao', en: 'High confidence' },
      medium: { vi: 'Tín nhiệm', en: 'Confidence' },
      low: { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
    },
    quorum: AT_LEAST_TWO_THIRDS,
    thresholds: { ordinary: MORE_THAN_HALF, twoThirds: AT_LEAST_TWO_THIRDS, election: MORE_THAN_HALF },
    allowVoteChange: true,
    speakingTimeSec: 300,
    resolutionNumberFormat: '{n}/NQ-HĐND',
    normativeResolutionFormat: '{n}/{year}/NQ-HĐND',
    hallWifi: '',
  };
}

export const DEFAULT_DISPLAY: DisplayState = { mode: 'welcome', roundId: null };
