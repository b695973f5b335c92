import type { TFunction } from 'i18next';
import type { BallotChoice, CouncilConfig, Motion } from '@hddt/protocol';
import type { Lang } from '../../i18n';

/** A ballot in words, as the confirmation line shows it ("Tán thành"; "2 người: A, B"). */
export function describeChoice(choice: BallotChoice, motion: Motion | null, council: CouncilConfig, lang: Lang, t: TFunction): string {
  switch (choice.type) {
    case 'option':
      return council.voteLabels[choice.option][lang];
    case 'election': {
      if (choice.candidateIds.length === 0) return t('vote.electionNone');
      const names = choice.candidateIds.map((id) => motion?.candidates.find((c) => c.id === id)?.name ?? id);
      return t('vote.electionChoice', { count: names.length, names: names.join(', ') });
    }
    case 'confidence':
      return t('vote.confidenceChoice', { count: Object.keys(choice.ratings).length });
    default: {
      const never: never = choice;
      return never;
    }
  }
}
