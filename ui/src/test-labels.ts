// Council labels as the demo council configures them, for component tests.
import type { ResultLabels } from './result-lines';

export const LABELS: ResultLabels = {
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
};
