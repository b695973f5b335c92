// Shared pieces of the three apps' design language. Styles live in tokens.css (import '@hddt/ui/tokens.css').
import type { ConfidenceLevel, VoteOption } from '@hddt/protocol';

/** CSS custom property names of the vote colours, for charts drawn in code. */
export const VOTE_COLOR_VAR: Record<VoteOption, string> = {
  yes: 'var(--c-yes)',
  no: 'var(--c-no)',
  abstain: 'var(--c-abstain)',
};

export const VOTE_COLOR_HEX: Record<VoteOption, string> = {
  yes: '#17703a',
  no: '#b3261e',
  abstain: '#5b5f66',
};

export const CONFIDENCE_COLOR_HEX: Record<ConfidenceLevel, string> = {
  high: '#17703a',
  medium: '#12305a',
  low: '#b3261e',
};

export { ConnectionBadge } from './connection-badge';
export type { ConnectionState } from './connection-badge';
export { ResultChart } from './result-chart';
export type { ChartTone, ResultChartProps } from './result-chart';
export { announcementText, ballotHeadLines, candidateVerdict, optionResultLines, requirementText, resultWord, verdictLabel } from './result-lines';
export type { ResultLabels, ResultLang, ResultLine, ResultLineKey, ResultWord, Verdict } from './result-lines';
export { playChime, storedFlag, storeFlag } from './chime';
export { SeatGrid, hallColumns, seatName } from './seat-grid';
export type { SeatGridProps } from './seat-grid';
