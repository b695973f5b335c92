import { useMemo, useState } from 'react';
import { DISPLAY_MODES, formatCount, sessionTitle } from '@hddt/protocol';
import type { DisplayBoard, DisplayMode, RoundView } from '@hddt/protocol';
import { ResultChart } from '@hddt/ui';
import { useT } from '../../i18n';
import type { MsgKey } from '../../i18n';
import {
  latestResultRound,
  selectAgenda,
  selectAttendance,
  selectCouncil,
  selectDisplay,
  selectMotions,
  selectOpenRound,
  selectRounds,
  selectSession,
  selectSpeakers,
  useStore,
} from '../../store';
import { useCommand } from '../shared/use-command';

export const DISPLAY_LABEL: Record<DisplayMode, MsgKey> = {
  welcome: 'display.mode.welcome',
  agenda: 'display.mode.agenda',
  vote: 'display.mode.vote',
  result: 'display.mode.result',
  speaker: 'display.mode.speaker',
  attendance: 'display.mode.attendance',
};

/** Which round a mode is about: the open one for "vote", the latest finished one for "result". */
export function roundForMode(mode: DisplayMode, rounds: readonly RoundView[], openRound: RoundView | null): RoundView | null {
  if (mode === 'vote') return openRound ?? [...rounds].filter((r) => r.status !== 'cancelled').pop() ?? null;
  if (mode === 'result') return latestResultRound(rounds);
  return null;
}

export function useShowOnDisplay() {
  const { t } = useT();
  const { run } = useCommand();
  const pushToast = useStore((s) => s.pushToast);
  return async (mode: DisplayMode, roundId: string | null, board?: DisplayBoard) => {
    const before = useStore.getState().snapshot?.display ?? null;
    const ok = await run('display:show', board ? { mode, roundId, board } : { mode, roundId });
    if (ok && before)
      pushToast({
        tone: 'info',
        text: t('display.nowShowing', { mode: t(DISPLAY_LABEL[mode]) }),
        undo: () => void run('display:show', { mode: before.mode, roundId: before.roundId, board: before.board ?? 'names' }),
      });
    return ok;
  };
}

/** A small live preview of what the hall display shows, drawn from the same snapshot. */
export function DisplayPreview() {
  const { t, lang } = useT();
  const display = useStore(selectDisplay);
  const session = useStore(selectSession);
  const council = useStore(selectCouncil);
  const agenda = useStore(selectAgenda);
  const rounds = useStore(selectRounds);
  const motions = useStore(selectMotions);
  const attendance = useStore(selectAttendance);
  const speakers = useStore(selectSpeakers);
  if (!display || !council) return null;
  const round = display.roundId ? (rounds?.find((r) => r.id === display.roundId) ?? null) : null;
  const motion = round ? motions?.find((m) => m.id === round.motionId) : undefined;
  const item = agenda?.find((a) => a.id === session?.currentItemId);
  const speaking = speakers?.find((s) => s.status === 'speaking');
  const labels = { voteLabels: council.voteLabels, confidenceLabels: council.confidenceLabels };
  let body;
  switch (display.mode) {
    case 'welcome':
      body = (
        <>
          <div className="pv-small">{lang === 'vi' ? council.name.vi : council.name.en}</div>
          <div className="pv-big">{session ? sessionTitle(session.number, lang) : ''}</div>
        </>
      );
      break;
    case 'agenda':
      body = (
        <>
          <div className="pv-small">{t('agenda.current')}</div>
          <div className="pv-big">{item?.title ?? '—'}</div>
        </>
      );
      break;
    case 'vote':
      body = (
        <>
          <div className="pv-small">{motion?.question ?? ''}</div>
          <div className="pv-big">
            {round ? t('round.progress', { voted: formatCount(round.voted, lang), present: formatCount(round.present, lang) }) : '—'}
          </div>
        </>
      );
      break;
    case 'result':
      body = round?.result ? (
        <>
          <div className="pv-small">{motion?.question ?? ''}</div>
          <div className="pv-chart">
            <ResultChart result={round.result} labels={labels} lang={lang} tone="dark" />
          </div>
        </>
      ) : (
        <div className="pv-big">—</div>
      );
      break;
    case 'speaker':
      body = speaking?.question ? (
        <>
          <div className="pv-small">{t('question.pill')}</div>
          <div className="pv-big">
            {speaking.name} → {speaking.question.answererName}
          </div>
        </>
      ) : (
        <>
          <div className="pv-small">{t('speaker.speaking')}</div>
          <div className="pv-big">{speaking?.name ?? '—'}</div>
        </>
      );
      break;
    case 'attendance':
      body = (
        <>
          <div className="pv-small">{t('live.present')}</div>
          <div className="pv-big">{attendance ? `${formatCount(attendance.present, lang)}/${formatCount(attendance.seated, lang)}` : '—'}</div>
        </>
      );
      break;
    default: {
      const never: never = display.mode;
      body = never;
    }
  }
  return (
    <div className="preview" aria-label={t('display.preview')} role="img" data-testid="display-preview" data-mode={display.mode}>
      <div className="preview-stage">{body}</div>
      <div className="preview-caption">{t('display.previewCaption', { mode: t(DISPLAY_LABEL[display.mode]) })}</div>
    </div>
  );
}

export function DisplayControl() {
  const { t } = useT();
  const display = useStore(selectDisplay);
  const rounds = useStore(selectRounds);
  const openRound = useStore(selectOpenRound);
  const show = useShowOnDisplay();
  const [error, setError] = useState<string | null>(null);
  const all = useMemo(() => rounds ?? [], [rounds]);
  const resultRound =
    display?.mode === 'result' && display.roundId ? (all.find((r) => r.id === display.roundId) ?? null) : roundForMode('result', all, openRound);
  const board = display?.board ?? 'names';
  return (
    <section className="panel" aria-labelledby="disp-h">
      <h2 id="disp-h">{t('display.title')}</h2>
      <div className="mode-grid" role="group" aria-label={t('display.chooseMode')}>
        {DISPLAY_MODES.map((mode) => {
          const round = roundForMode(mode, all, openRound);
          const needsRound = mode === 'vote' || mode === 'result';
          return (
            <button
              key={mode}
              type="button"
              className={display?.mode === mode ? 'btn mode-btn active' : 'btn mode-btn'}
              aria-pressed={display?.mode === mode}
              disabled={needsRound && !round}
              onClick={() => {
                setError(null);
                void show(mode, needsRound ? (round?.id ?? null) : null);
              }}
            >
              {t(DISPLAY_LABEL[mode])}
            </button>
          );
        })}
      </div>
      {resultRound?.mode === 'named' ? (
        // A named result: the hall sees each delegate's choice as the name list or on the seat map.
        <div className="board-switch" role="group" aria-label={t('display.board')}>
          {(['names', 'seats'] as const).map((b) => (
            <button
              key={b}
              type="button"
              className={board === b ? 'btn mode-btn active' : 'btn mode-btn'}
              aria-pressed={board === b}
              onClick={() => void show(display?.mode ?? 'result', display?.roundId ?? null, b)}
            >
              {t(b === 'names' ? 'display.board.names' : 'display.board.seats')}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <DisplayPreview />
    </section>
  );
}
