import type { CouncilConfig, Session } from '@hddt/protocol';
import { formatDateVi, formatHallClock, formatHallWeekdayDate, sessionTitle } from '@hddt/protocol';
import { useT } from '../../i18n';
import { Emblem } from '../stage/emblem';

interface Props {
  council: CouncilConfig;
  session: Session | null;
  now: number;
}

export function WelcomeSlide({ council, session, now }: Props) {
  const { t, lang } = useT();
  // Days are written dd/mm/yyyy in both languages, on the council's clock (protocol/hall-time.ts).
  const dates =
    session && session.endDate !== session.startDate
      ? t('sessionDates', { from: formatDateVi(session.startDate), to: formatDateVi(session.endDate) })
      : session
        ? formatDateVi(session.startDate)
        : null;
  return (
    <section className="slide slide-welcome" data-slide="welcome">
      <Emblem className="welcome-emblem" />
      <p className="welcome-council" data-fit>
        {council.name[lang]}
      </p>
      <p className="welcome-term" data-fit>
        {t('termLabel', { term: council.term })}
      </p>
      <div className="welcome-rule" aria-hidden="true" />
      {session ? (
        <>
          <h1 className="welcome-session" data-fit>
            {sessionTitle(session.number, lang)}
          </h1>
          {session.title && (
            <p className="welcome-session-title" data-fit>
              {session.title}
            </p>
          )}
          <p className="welcome-place" data-fit>
            {session.place}
            {dates ? ` · ${dates}` : ''}
          </p>
        </>
      ) : (
        <h1 className="welcome-session welcome-session-none" data-fit>
          {t('noSession')}
        </h1>
      )}
      <div className="welcome-clock">
        <time className="welcome-time" data-fit>
          {formatHallClock(now, council.timeZone)}
        </time>
        <span className="welcome-date" data-fit>
          {formatHallWeekdayDate(now, council.timeZone, lang)}
        </span>
      </div>
    </section>
  );
}
