import type { ConfidenceResult, CouncilConfig, DisplayBoard, ElectionResult, Motion, NamedBoardEntry, OptionResult, RoundView } from '@hddt/protocol';
import { RESULT_WORDS } from '@hddt/protocol';
import { BoardMap } from './board-map';
import { ballotHeadLines, optionResultLines, requirementText, ResultChart, resultWord, verdictLabel } from '@hddt/ui';
import type { ResultLine } from '@hddt/ui';
import type { MsgKey } from '../../i18n';
import { useT } from '../../i18n';
import { MotionBadges } from '../vote/motion-badges';
import { questionSizeClass } from '../vote/question-size';
import { NamedBoard } from './named-board';

interface Props {
  council: CouncilConfig;
  motion: Motion;
  round: RoundView;
  /** The named-ballot board once fetched; undefined while loading. Ignored for secret and anonymous ballots. */
  board: NamedBoardEntry[] | undefined;
  /** The chair's choice for a named round: the name list, or each seat's choice on the seat map. */
  boardView?: DisplayBoard;
}

function Lines({ lines }: { lines: ResultLine[] }) {
  return (
    <dl className="result-lines">
      {lines.map((l) => (
        <div key={l.key} className={`result-line result-line-${l.key}`} data-line={l.key}>
          <dt data-fit>{l.label}</dt>
          <dd className="result-line-count" data-fit>
            {l.value}
          </dd>
          <dd className="result-line-percent" data-fit>
            {l.percent ?? ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** compact (named ballots, beside the board): the chart under it carries each option's count and share. */
function OptionSummary({ result, council, compact }: { result: OptionResult; council: CouncilConfig; compact: boolean }) {
  const { lang } = useT();
  const lines = optionResultLines(result, council, lang);
  return (
    <>
      <div className={`verdict ${result.passed ? 'verdict-passed' : 'verdict-failed'}`} data-verdict={result.passed ? 'passed' : 'failed'}>
        <p className="verdict-word" data-fit>
          {verdictLabel(result.passed ? 'passed' : 'failed', lang)}
        </p>
        <p className="verdict-rule" data-fit>
          {requirementText(result, lang)}
        </p>
      </div>
      <Lines lines={compact ? lines.filter((l) => l.key === 'present' || l.key === 'participated') : lines} />
    </>
  );
}

function ElectionSummary({ result }: { result: ElectionResult }) {
  const { t, lang } = useT();
  return (
    <>
      {result.tieNeedsRevote && (
        <div className="verdict verdict-tied" data-verdict="tied">
          <p className="verdict-word" data-fit>
            {verdictLabel('tied', lang)}
          </p>
          <p className="verdict-rule" data-fit>
            {t('tieRevote')}
          </p>
        </div>
      )}
      <Lines lines={ballotHeadLines(result, lang)} />
      <p className="result-rule" data-fit>
        {requirementText(result, lang)}
      </p>
    </>
  );
}

/** Each person rated, with the legal threshold of "tín nhiệm thấp" reached (or that none was). */
function ConfidenceSummary({ result }: { result: ConfidenceResult }) {
  const { lang } = useT();
  return (
    <>
      <Lines lines={ballotHeadLines(result, lang)} />
      {result.subjects.map((s) => {
        const reached = s.lowTwoThirds ? 'lowTwoThirds' : s.lowMajority ? 'lowMajority' : null;
        return (
          <p
            key={s.id}
            className={`result-flag${reached ? '' : ' result-flag-none'}`}
            data-flag={reached ? s.id : undefined}
            data-threshold={reached ?? 'none'}
            data-fit
          >
            {s.name}: {reached ? resultWord(reached, lang) : RESULT_WORDS[lang].noThreshold}
          </p>
        );
      })}
    </>
  );
}

function ResolutionNumber({ code }: { code: string }) {
  const { lang } = useT();
  return (
    <p className="result-resolution" data-resolution={code} data-fit>
      {RESULT_WORDS[lang].resolutionNumber.replace('{code}', code)}
    </p>
  );
}

const HEADING: Record<'options' | 'election' | 'confidence', MsgKey> = {
  options: 'resultHeading',
  election: 'electionHeading',
  confidence: 'confidenceHeading',
};

export function ResultSlide({ council, motion, round, board, boardView = 'names' }: Props) {
  const { t, lang } = useT();
  const result = round.result;
  const named = round.mode === 'named';
  // A province-sized board needs the width: the summary column narrows.
  const seatsView = named && boardView === 'seats';
  const largeBoard = named && !seatsView && (board?.length ?? result?.seated ?? 0) > 40;
  const kind = result?.kind ?? 'options';
  return (
    <section
      className={`slide slide-result result-${kind}${named ? ' result-named' : ''}${seatsView ? ' result-seat-map' : ''}${largeBoard ? ' result-large-board' : ''}`}
      data-slide="result"
      data-round-status={round.status}
    >
      <div className="result-head">
        <div className="result-head-row">
          <p className="slide-kicker" data-fit>
            {t(HEADING[kind])}
            {motion.practice && <span className="kicker-note"> · {t('practiceNote')}</span>}
          </p>
          <MotionBadges motion={motion} round={round} inResult />
        </div>
        <h1 className={`question question-compact ${questionSizeClass(motion.question)}`} data-fit>
          {motion.question}
        </h1>
      </div>
      {round.status === 'cancelled' ? (
        <div className="verdict verdict-cancelled">
          <p className="verdict-word" data-fit>
            {t('voteCancelled')}
          </p>
          {round.cancelledReason && (
            <p className="verdict-rule" data-fit>
              {t('voteCancelledReason', { reason: round.cancelledReason })}
            </p>
          )}
        </div>
      ) : !result ? (
        <p className="slide-empty" data-fit>
          {t('resultUnavailable')}
        </p>
      ) : (
        <div className="result-body">
          <div className="result-summary" aria-live="polite">
            {result.kind === 'options' && <OptionSummary result={result} council={council} compact={named && !seatsView} />}
            {round.resolutionCode && <ResolutionNumber code={round.resolutionCode} />}
            {result.kind === 'election' && <ElectionSummary result={result} />}
            {result.kind === 'confidence' && <ConfidenceSummary result={result} />}
            <p className="result-note" data-fit>
              {t('percentNote', { seated: result.seated })}
              {round.status === 'closed' ? ` · ${t('resultNotAnnounced')}` : ''}
            </p>
            {round.status === 'announced' && round.announcedAt ? (
              // The log position and hash of the announcement, in the form `npm run verify -- --anchor` takes: a
              // photograph of this screen lets anyone check a copy of the database later (docs/security.md).
              <p className="result-anchor" data-testid="result-anchor">
                {t('logAnchor')}{' '}
                <span className="result-anchor-value">
                  {round.announcedAt.seq}:{round.announcedAt.hash.slice(0, 16)}
                </span>
              </p>
            ) : null}
          </div>
          {/* On the seat map the colours are the chart: the summary lists every count, the bars would crowd it. */}
          {seatsView && result.kind === 'options' ? null : (
            <div className="result-chart-panel">
              <ResultChart result={result} labels={council} lang={lang} tone="dark" className="chart" />
              {round.mode === 'secret' && (
                <p className="result-note" data-fit>
                  {t('secretNote')}
                </p>
              )}
            </div>
          )}
          {named &&
            (board ? (
              seatsView ? (
                <BoardMap board={board} council={council} />
              ) : (
                <NamedBoard board={board} council={council} />
              )
            ) : (
              <p className="board board-loading" data-fit>
                {t('boardLoading')}
              </p>
            ))}
        </div>
      )}
    </section>
  );
}
