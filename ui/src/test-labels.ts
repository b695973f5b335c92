// Council labels as the demo council configures them, for component tests.
import { testCouncil } from '@hddt/protocol/testing';
import type { ResultLabels } from './result-lines';

const { voteLabels, confidenceLabels } = testCouncil();
export const LABELS: ResultLabels = { voteLabels, confidenceLabels };
