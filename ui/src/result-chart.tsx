// Horizontal bar chart of a round result, shared by the hall display and the chair console's preview.
// Every bar is a share of ALL seated delegates (N), so bars of different votes compare honestly, and a
// marker shows how far a bar must reach to pass (or to be elected). Sizes are in em: the parent's
// font-size scales the whole chart (a tablet preview or a 4K hall screen).
import type { CSSProperties } from 'react';
import type { ConfidenceResult, ElectionResult, OptionResult, RoundResult } from '@hddt/protocol';
import { CONFIDENCE_LEVELS, formatCount, formatPercent, percentBasisPoints, VOTE_OPTIONS } from '@hddt/protocol';
import { candidateVerdict, resultWord, verdictLabel } from './result-lines';
import type { ResultLabels, ResultLang } from './result-lines';

export type ChartTone = 'light' | 'dark';

export interface ResultChartProps {
  result: RoundResult;
  labels: ResultLabels;
  lang: ResultLang;
  /** 'dark' on the hall display's stage, 'light' on white panels. */
  tone?: ChartTone;
  /**
   * false while the round is still open (live interim totals): "elected" would be a claim the hall must not
   * read before the ballot closes, so the verdict chips are left out.
   */
  showVerdicts?: boolean;
  className?: string;
}

const CONF_VAR = { high: 'var(--c-conf-high)', medium: 'var(--c-conf-medium)', low: 'var(--c-conf-low)' } as const;
/** On the dark stage the navy of "medium" would vanish into the background: a lighter blue of the same hue. */
const CONF_VAR_DARK = { ...CONF_VAR, medium: '#6f8fc9' } as const;
const VOTE_VAR = { yes: 'var(--c-yes)', no: 'var(--c-no)', abstain: 'var(--c-abstain)' } as const;

function share(count: number, seated: number): string {
  return `${percentBasisPoints(count, seated) / 100}%`;
}

// Each row: the label and its figures on one line, the bar full width beneath, so bars stay long even in a
// narrow panel and long names never squeeze them.
const rowsStyle: CSSProperties = { display: 'flex', flexDirection: 'column', gap: '0.7em', margin: 0 };
const rowStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) max-content',
  alignItems: 'baseline',
  columnGap: '0.75em',
  rowGap: '0.2em',
};
const barCell: CSSProperties = { gridColumn: '1 / -1', margin: 0 };

function trackStyle(tone: ChartTone): CSSProperties {
  return {
    position: 'relative',
    height: '1.25em',
    borderRadius: '0.25em',
    background: tone === 'dark' ? 'rgb(255 255 255 / 0.14)' : 'var(--c-surface-2)',
    boxShadow: tone === 'dark' ? 'inset 0 0 0 1px rgb(255 255 255 / 0.25)' : 'inset 0 0 0 1px var(--c-border)',
    overflow: 'hidden',
    display: 'flex',
  };
}

function Fill({ width, color, outline }: { width: string; color: string; outline: boolean }) {
  return (
    <span
      data-bar-fill=""
      style={{
        display: 'block',
        height: '100%',
        width,
        background: color,
        boxShadow: outline ? 'inset 0 0 0 1px rgb(255 255 255 / 0.55)' : undefined,
        transition: 'width 400ms ease-out',
      }}
    />
  );
}

function Marker({ at, tone, label }: { at: string; tone: ChartTone; label: string }) {
  return (
    <span
      aria-hidden="true"
      title={label}
      data-threshold-marker=""
      style={{
        position: 'absolute',
        top: 0,
        bottom: 0,
        left: at,
        width: '0.14em',
        marginLeft: '-0.07em',
        background: tone === 'dark' ? 'var(--c-stage-accent)' : 'var(--c-text)',
      }}
    />
  );
}

const labelStyle: CSSProperties = { fontWeight: 600, overflowWrap: 'anywhere' };
const figureStyle: CSSProperties = { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' };

function OptionsChart({ result, labels, lang, tone }: { result: OptionResult; labels: ResultLabels; lang: ResultLang; tone: ChartTone }) {
  const marker = share(result.required, result.seated);
  const markerLabel = resultWord('requiredYes', lang, { required: result.required, seated: result.seated });
  return (
    <dl style={rowsStyle} data-chart="options">
      {VOTE_OPTIONS.map((o) => (
        <div key={o} style={rowStyle} data-option={o}>
          <dt style={labelStyle}>{labels.voteLabels[o][lang]}</dt>
          <dd style={{ margin: 0, ...figureStyle }}>
            <strong>{formatCount(result.counts[o], lang)}</strong>
            <span style={{ opacity: 0.85 }}> · {formatPercent(result.counts[o], result.seated, lang)}</span>
          </dd>
          <dd style={{ ...barCell, ...trackStyle(tone) }}>
            <Fill width={share(result.counts[o], result.seated)} color={VOTE_VAR[o]} outline={tone === 'dark'} />
            {o === 'yes' && <Marker at={marker} tone={tone} label={markerLabel} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ElectionChart({ result, lang, tone, showVerdicts }: { result: ElectionResult; lang: ResultLang; tone: ChartTone; showVerdicts: boolean }) {
  const marker = share(result.required, result.seated);
  const markerLabel = resultWord('requiredElection', lang, { required: result.required, seated: result.seated });
  return (
    <dl style={rowsStyle} data-chart="election">
      {result.candidates.map((c) => {
        const verdict = candidateVerdict(c);
        return (
          <div key={c.id} style={rowStyle} data-candidate={c.id} data-verdict={verdict}>
            <dt style={labelStyle}>{c.name}</dt>
            <dd style={{ margin: 0, ...figureStyle }}>
              <strong>{formatCount(c.votes, lang)}</strong>
              <span style={{ opacity: 0.85 }}> · {formatPercent(c.votes, result.seated, lang)}</span>
              {showVerdicts && (
                <span
                  data-verdict-chip={verdict}
                  style={{
                    display: 'inline-block',
                    marginLeft: '0.6em',
                    padding: '0.05em 0.45em',
                    borderRadius: '0.25em',
                    fontSize: '0.8em',
                    fontWeight: 700,
                    color: '#fff',
                    background: verdict === 'elected' ? 'var(--c-yes)' : verdict === 'tied' ? 'var(--c-warn)' : 'var(--c-abstain)',
                  }}
                >
                  {verdictLabel(verdict, lang)}
                </span>
              )}
            </dd>
            <dd style={{ ...barCell, ...trackStyle(tone) }}>
              <Fill
                width={share(c.votes, result.seated)}
                color={showVerdicts && c.elected ? 'var(--c-yes)' : showVerdicts && c.tied ? 'var(--c-warn)' : tone === 'dark' ? '#5d7bb0' : 'var(--c-navy)'}
                outline={tone === 'dark'}
              />
              <Marker at={marker} tone={tone} label={markerLabel} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ConfidenceChart({ result, labels, lang, tone }: { result: ConfidenceResult; labels: ResultLabels; lang: ResultLang; tone: ChartTone }) {
  const colors = tone === 'dark' ? CONF_VAR_DARK : CONF_VAR;
  return (
    <div data-chart="confidence">
      <ul aria-hidden="true" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.4em 1.2em', listStyle: 'none', padding: 0, margin: '0 0 0.6em' }}>
        {CONFIDENCE_LEVELS.map((l) => (
          <li key={l} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.4em' }}>
            <span
              style={{
                width: '0.9em',
                height: '0.9em',
                borderRadius: '0.15em',
                background: colors[l],
                boxShadow: tone === 'dark' ? 'inset 0 0 0 1px rgb(255 255 255 / 0.55)' : undefined,
              }}
            />
            {labels.confidenceLabels[l][lang]}
          </li>
        ))}
      </ul>
      <dl style={rowsStyle}>
        {result.subjects.map((s) => (
          <div key={s.id} style={rowStyle} data-subject={s.id}>
            <dt style={labelStyle}>{s.name}</dt>
            <dd
              style={{
                margin: 0,
                display: 'flex',
                flexWrap: 'wrap',
                justifyContent: 'flex-end',
                gap: '0 0.9em',
                fontSize: '0.8em',
                fontVariantNumeric: 'tabular-nums',
              }}
            >
              {CONFIDENCE_LEVELS.map((l) => (
                <span key={l} data-level={l} style={{ whiteSpace: 'nowrap' }}>
                  <span className="visually-hidden">{labels.confidenceLabels[l][lang]}: </span>
                  <span
                    aria-hidden="true"
                    style={{ display: 'inline-block', width: '0.7em', height: '0.7em', marginRight: '0.3em', borderRadius: '0.12em', background: colors[l] }}
                  />
                  <strong>{formatCount(s.counts[l], lang)}</strong> ({formatPercent(s.counts[l], result.seated, lang)})
                </span>
              ))}
            </dd>
            <dd style={{ ...barCell, ...trackStyle(tone) }}>
              {CONFIDENCE_LEVELS.map((l) => (
                <Fill key={l} width={share(s.counts[l], result.seated)} color={colors[l]} outline={tone === 'dark'} />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ResultChart({ result, labels, lang, tone = 'light', showVerdicts = true, className }: ResultChartProps) {
  let body;
  switch (result.kind) {
    case 'options':
      body = <OptionsChart result={result} labels={labels} lang={lang} tone={tone} />;
      break;
    case 'election':
      body = <ElectionChart result={result} lang={lang} tone={tone} showVerdicts={showVerdicts} />;
      break;
    case 'confidence':
      body = <ConfidenceChart result={result} labels={labels} lang={lang} tone={tone} />;
      break;
    default: {
      const never: never = result;
      return never;
    }
  }
  return (
    <figure className={className} style={{ margin: 0 }} data-result-chart={result.kind}>
      {body}
    </figure>
  );
}
