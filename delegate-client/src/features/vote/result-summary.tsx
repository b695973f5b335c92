import { useTranslation } from 'react-i18next';
import { CONFIDENCE_LEVELS, VOTE_OPTIONS, formatCount, formatPercent, type CouncilConfig, type RoundResult } from '@hddt/protocol';
import type { Lang } from '../../i18n';

interface Props {
  result: RoundResult;
  council: CouncilConfig;
  lang: Lang;
}

/** The announced result, as counts and percentages of ALL seated delegates (the law's denominator). */
export function ResultSummary({ result, council, lang }: Props) {
  const { t } = useTranslation();
  const n = (x: number) => formatCount(x, lang);
  const pct = (x: number) => formatPercent(x, result.seated, lang);
  const head = (
    <ul className="result-facts">
      <li>{t('vote.present', { present: n(result.present), seated: n(result.seated) })}</li>
      <li>{t('vote.participated', { count: n(result.participated), percent: pct(result.participated) })}</li>
    </ul>
  );
  switch (result.kind) {
    case 'options':
      return (
        <section className="result" aria-label={t('vote.result')}>
          <p className={`result-verdict ${result.passed ? 'is-passed' : 'is-failed'}`}>{result.passed ? t('vote.passed') : t('vote.notPassed')}</p>
          {head}
          <ul className="result-counts">
            {VOTE_OPTIONS.map((o) => (
              <li key={o} className={`result-count vote-${o}`}>
                <span className="result-swatch" aria-hidden="true" />
                {t('vote.countLine', { label: council.voteLabels[o][lang], count: n(result.counts[o]), percent: pct(result.counts[o]) })}
              </li>
            ))}
          </ul>
          <p className="muted">{t('vote.required', { required: n(result.required) })}</p>
        </section>
      );
    case 'election':
      return (
        <section className="result" aria-label={t('vote.result')}>
          {head}
          {result.tieNeedsRevote && <p className="result-verdict is-failed">{t('vote.tieRevote')}</p>}
          <ul className="result-counts">
            {[...result.candidates]
              .sort((a, b) => b.votes - a.votes)
              .map((c) => (
                <li key={c.id} className="result-count">
                  <strong>{c.name}</strong>: {t('vote.votesOf', { count: n(c.votes), percent: pct(c.votes) })}
                  {c.elected && <span className="tag tag-ok">{t('vote.elected')}</span>}
                  {c.tied && <span className="tag tag-warn">{t('vote.tie')}</span>}
                </li>
              ))}
          </ul>
        </section>
      );
    case 'confidence':
      return (
        <section className="result" aria-label={t('vote.result')}>
          {head}
          {result.subjects.map((s) => (
            <div key={s.id} className="result-subject">
              <strong>{s.name}</strong>
              <ul className="result-counts">
                {CONFIDENCE_LEVELS.map((l) => (
                  <li key={l}>{t('vote.countLine', { label: council.confidenceLabels[l][lang], count: n(s.counts[l]), percent: pct(s.counts[l]) })}</li>
                ))}
              </ul>
              {s.lowTwoThirds ? <p className="tag tag-warn">{t('vote.lowTwoThirds')}</p> : s.lowMajority ? <p className="tag tag-warn">{t('vote.lowMajority')}</p> : null}
            </div>
          ))}
        </section>
      );
    default: {
      const never: never = result;
      return never;
    }
  }
}
