// The hall display: follows what the chair selects (snapshot.display), one slide at a time. Slides read the
// latest store state on every render, so an update that lands during a slide's entrance animation is shown
// at once: there is no copy of old data that could hide it.
import type { ReactNode } from 'react';
import type { DisplayStore } from '../../store';
import { useDisplay } from '../../store';
import { selectDisplayedRound, selectMotionOf, selectSlide } from '../../store/selectors';
import { useServerNow } from '@hddt/ui/live';
import { useT } from '../../i18n';
import { AgendaSlide } from '../agenda/agenda-slide';
import { AttendanceSlide } from '../attendance/attendance-slide';
import { StatusScreen } from '../pairing/status-screen';
import { ResultSlide } from '../result/result-slide';
import { SpeakerSlide } from '../speaker/speaker-slide';
import { VoteSlide } from '../vote/vote-slide';
import { WelcomeSlide } from '../welcome/welcome-slide';
import { OfflineMark } from './offline-mark';
import { StageHeader } from './stage-header';

export function Stage({ store }: { store: DisplayStore }) {
  const { t } = useT();
  const connection = useDisplay(store, (s) => s.connection);
  const unpairedReason = useDisplay(store, (s) => s.unpairedReason);
  const snapshot = useDisplay(store, (s) => s.snapshot);
  const slide = useDisplay(store, selectSlide);
  const round = useDisplay(store, selectDisplayedRound);
  const motion = useDisplay(store, (s) => selectMotionOf(s, round));
  const board = useDisplay(store, (s) => (round ? s.boards[round.id] : undefined));
  const lastMessageAt = useDisplay(store, (s) => s.lastMessageAt);
  const hall = useDisplay(store, (s) => s.hall);
  const offset = useDisplay(store, (s) => s.clockOffsetMs);
  const now = useServerNow(offset);

  if (connection === 'unpaired') return <StatusScreen kind={unpairedReason === 'revoked' ? 'revoked' : 'unpaired'} />;
  if (connection === 'outdated') return <StatusScreen kind="outdated" />;
  if (!snapshot) return <StatusScreen kind="connecting" />;

  const live = connection === 'online';
  const { council, session } = snapshot;
  let content: ReactNode;
  switch (slide) {
    case 'welcome':
      content = <WelcomeSlide council={council} session={session} now={now} />;
      break;
    case 'agenda':
      content = <AgendaSlide agenda={snapshot.agenda} currentItemId={session?.currentItemId ?? null} />;
      break;
    case 'vote':
      content = round && motion ? <VoteSlide council={council} motion={motion} round={round} now={now} live={live} lastMessageAt={lastMessageAt} /> : null;
      break;
    case 'result':
      content =
        round && motion ? <ResultSlide council={council} motion={motion} round={round} board={board} boardView={snapshot.display.board ?? 'names'} /> : null;
      break;
    case 'speaker':
      content = <SpeakerSlide speakers={snapshot.speakers} now={now} live={live} hall={hall} />;
      break;
    case 'attendance':
      content = <AttendanceSlide attendance={snapshot.attendance} hall={hall} />;
      break;
    case 'waiting':
      content = null;
      break;
    default: {
      const never: never = slide;
      return never;
    }
  }
  if (content === null) {
    content = (
      <section className="slide" data-slide="waiting">
        <p className="slide-empty" data-fit>
          {t('waitingForRound')}
        </p>
      </section>
    );
  }
  const offlineMark = live ? null : <OfflineMark since={lastMessageAt} timeZone={council.timeZone} corner={slide === 'welcome'} />;
  const slideKey = `${slide}:${round?.id ?? ''}:${snapshot.display.board ?? 'names'}`;
  return (
    <main className={`stage stage-${slide}`} data-connection={connection} data-mode={slide}>
      {slide !== 'welcome' && <StageHeader council={council} session={session} now={now} status={offlineMark} />}
      <div className="slide-frame" key={slideKey}>
        {content}
      </div>
      {slide === 'welcome' && offlineMark}
    </main>
  );
}
