import { useTranslation } from 'react-i18next';
import type { CouncilConfig, RoundResult } from '@hddt/protocol';
import { ResultChart, announcementText, verdictLabel } from '@hddt/ui';
import type { Lang } from '../../i18n';

interface Props {
  result: RoundResult;
  council: CouncilConfig;
  lang: Lang;
}

/**
 * The announced result, in the same words and bars as the hall display and the chair console: counts and
 * percentages of ALL seated delegates (the law's denominator).
 */
export function ResultSummary({ result, council, lang }: Props) {
  const { t } = useTranslation();
  const labels = { voteLabels: council.voteLabels, confidenceLabels: council.confidenceLabels };
  return (
    <section className="result" aria-label={t('vote.result')}>
      {result.kind === 'options' && (
        <p className={`result-verdict ${result.passed ? 'is-passed' : 'is-failed'}`} data-testid="result-verdict">
          {verdictLabel(result.passed ? 'passed' : 'failed', lang)}
        </p>
      )}
      {result.kind === 'election' && result.tieNeedsRevote && <p className="result-verdict is-failed">{t('vote.tieRevote')}</p>}
      <p className="result-announcement" data-testid="result-announcement">
        {announcementText(result, labels, lang)}
      </p>
      <ResultChart result={result} labels={labels} lang={lang} tone="light" className="result-chart" />
    </section>
  );
}
